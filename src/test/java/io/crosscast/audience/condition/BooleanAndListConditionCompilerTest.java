package io.crosscast.audience.condition;

import static io.crosscast.audience.condition.CompilerFixture.assertCompiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BooleanAndListConditionCompilerTest {

    @Test
    void storedFlagsAreComparedWithABoundBooleanNullCountingAsFalse() {
        assertCompiles("r.email_opt_out = ?", List.of(true), Rule.of(RecipientField.EMAIL_OPT_OUT, Operator.IS_TRUE));
        assertCompiles(
                "(r.email_opt_out IS NULL OR r.email_opt_out = ?)",
                List.of(false),
                Rule.of(RecipientField.EMAIL_OPT_OUT, Operator.IS_FALSE));
        assertCompiles("r.sms_opt_out = ?", List.of(true), Rule.of(RecipientField.SMS_OPT_OUT, Operator.IS_TRUE));
        assertCompiles(
                "(r.sms_opt_out IS NULL OR r.sms_opt_out = ?)",
                List.of(false),
                Rule.of(RecipientField.SMS_OPT_OUT, Operator.IS_FALSE));
    }

    @Test
    void quarantineIsWhetherItsTimestampIsSet() {
        assertCompiles(
                "r.email_quarantined_at IS NOT NULL",
                List.of(),
                Rule.of(RecipientField.EMAIL_QUARANTINED, Operator.IS_TRUE));
        assertCompiles(
                "r.email_quarantined_at IS NULL",
                List.of(),
                Rule.of(RecipientField.EMAIL_QUARANTINED, Operator.IS_FALSE));
        assertCompiles(
                "r.sms_quarantined_at IS NOT NULL",
                List.of(),
                Rule.of(RecipientField.SMS_QUARANTINED, Operator.IS_TRUE));
        assertCompiles(
                "r.sms_quarantined_at IS NULL", List.of(), Rule.of(RecipientField.SMS_QUARANTINED, Operator.IS_FALSE));
    }

    @Test
    void listMembershipIsACorrelatedExistsOnASingleListId() {
        assertCompiles(
                "EXISTS (SELECT 1 FROM list_member lm WHERE lm.list_id = ? AND lm.recipient_id = r.id)",
                List.of(42L),
                Rule.of(RecipientField.LIST, Operator.MEMBER_OF_LIST, "42"));
        assertCompiles(
                "NOT EXISTS (SELECT 1 FROM list_member lm WHERE lm.list_id = ? AND lm.recipient_id = r.id)",
                List.of(7L),
                Rule.of(RecipientField.LIST, Operator.NOT_MEMBER_OF_LIST, " 7 "));
    }

    @Test
    void theMemberAliasNeverShadowsTheRecipientAlias() {
        SqlFragment fragment =
                CompilerFixture.COMPILER.compile(Rule.of(RecipientField.LIST, Operator.MEMBER_OF_LIST, "3"), "lm");
        assertEquals(
                "EXISTS (SELECT 1 FROM list_member lm2 WHERE lm2.list_id = ? AND lm2.recipient_id = lm.id)",
                fragment.sql());
        fragment =
                CompilerFixture.COMPILER.compile(Rule.of(RecipientField.LIST, Operator.NOT_MEMBER_OF_LIST, "3"), "LM");
        assertEquals(
                "NOT EXISTS (SELECT 1 FROM list_member lm2 WHERE lm2.list_id = ? AND lm2.recipient_id = LM.id)",
                fragment.sql());
    }

    @Test
    void severalListsMakeSeveralExistsNeverAnInList() {
        assertCompiles(
                "(EXISTS (SELECT 1 FROM list_member lm WHERE lm.list_id = ? AND lm.recipient_id = r.id)"
                        + " OR EXISTS (SELECT 1 FROM list_member lm WHERE lm.list_id = ? AND lm.recipient_id = r.id))",
                List.of(1L, 2L),
                Group.or(
                        Rule.of(RecipientField.LIST, Operator.MEMBER_OF_LIST, "1"),
                        Rule.of(RecipientField.LIST, Operator.MEMBER_OF_LIST, "2")));
    }

    @Test
    void badListIdsAreRefused() {
        InvalidConditionException e = assertThrows(
                InvalidConditionException.class,
                () -> CompilerFixture.compile(RecipientField.LIST, Operator.MEMBER_OF_LIST, "abc"));
        assertEquals("list id 'abc' is not a number", e.getMessage());
    }
}

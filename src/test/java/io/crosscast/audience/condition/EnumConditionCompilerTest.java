package io.crosscast.audience.condition;

import static io.crosscast.audience.condition.CompilerFixture.assertCompiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnumConditionCompilerTest {

    @Test
    void statusIsComparedInItsStoredUpperCase() {
        assertCompiles("r.status = ?", List.of("GOLD"), Rule.of(RecipientField.STATUS, Operator.EQUALS, "gold"));
        assertCompiles("r.status = ?", List.of("SILVER"), Rule.of(RecipientField.STATUS, Operator.EQUALS, " Silver "));
        assertCompiles(
                "(r.status IS NULL OR r.status <> ?)",
                List.of("BRONZE"),
                Rule.of(RecipientField.STATUS, Operator.NOT_EQUALS, "bronze"));
    }

    @Test
    void inAndNotIn() {
        assertCompiles(
                "r.status IN (?, ?)",
                List.of("GOLD", "SILVER"),
                Rule.of(RecipientField.STATUS, Operator.IN, "gold", "SILVER", "Gold"));
        assertCompiles(
                "(r.status IS NULL OR r.status NOT IN (?))",
                List.of("NONE"),
                Rule.of(RecipientField.STATUS, Operator.NOT_IN, "none"));
    }

    @Test
    void noneCountsAsEmpty() {
        assertCompiles(
                "(r.status IS NULL OR r.status = ?)",
                List.of("NONE"),
                Rule.of(RecipientField.STATUS, Operator.IS_EMPTY));
        assertCompiles(
                "(r.status IS NOT NULL AND r.status <> ?)",
                List.of("NONE"),
                Rule.of(RecipientField.STATUS, Operator.IS_NOT_EMPTY));
    }

    @Test
    void anUnknownStatusIsRefused() {
        InvalidConditionException e = assertThrows(
                InvalidConditionException.class,
                () -> CompilerFixture.compile(RecipientField.STATUS, Operator.EQUALS, "gold2"));
        assertEquals("'gold2' is not a status (GOLD, SILVER, BRONZE, NONE)", e.getMessage());
    }
}

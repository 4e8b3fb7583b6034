package io.crosscast.audience.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecipientFieldTest {

    @Test
    void publicNamesAreTheStableCamelCaseNames() {
        List<String> names = List.of(RecipientField.values()).stream()
                .map(RecipientField::publicName)
                .toList();
        assertEquals(
                List.of(
                        "firstName",
                        "lastName",
                        "email",
                        "mobilePhone",
                        "status",
                        "country",
                        "language",
                        "birthDate",
                        "createdAt",
                        "updatedAt",
                        "emailOptOut",
                        "smsOptOut",
                        "emailQuarantined",
                        "smsQuarantined",
                        "list",
                        "delivery"),
                names);
        assertEquals(names.size(), new HashSet<>(names).size());
    }

    @Test
    void fieldsReadTheirColumnsOfTableRecipient() {
        assertEquals("email_key", RecipientField.EMAIL.column());
        assertEquals("birth_date", RecipientField.BIRTH_DATE.column());
        assertEquals("email_quarantined_at", RecipientField.EMAIL_QUARANTINED.column());
        assertEquals("sms_opt_out", RecipientField.SMS_OPT_OUT.column());
        for (RecipientField field : RecipientField.values()) {
            assertTrue(field.column().matches("[a-z_]+"), field.column());
        }
    }

    @Test
    void fromPublicNameIsExact() {
        assertEquals(Optional.of(RecipientField.BIRTH_DATE), RecipientField.fromPublicName("birthDate"));
        assertEquals(Optional.empty(), RecipientField.fromPublicName("birth_date"));
        assertEquals(Optional.empty(), RecipientField.fromPublicName("BIRTHDATE"));
        assertEquals(Optional.empty(), RecipientField.fromPublicName("salary"));
    }

    @Test
    void typesAndNormalisation() {
        assertEquals(FieldType.ENUM, RecipientField.STATUS.type());
        assertEquals(List.of("GOLD", "SILVER", "BRONZE", "NONE"), RecipientField.STATUS.allowedValues());
        assertEquals(Optional.of("NONE"), RecipientField.STATUS.emptyValue());
        assertEquals(RecipientField.ValueCase.LOWER, RecipientField.EMAIL.valueCase());
        assertEquals(RecipientField.ValueCase.UPPER, RecipientField.COUNTRY.valueCase());
        assertEquals(RecipientField.ValueCase.AS_TYPED, RecipientField.LAST_NAME.valueCase());
        assertEquals(FieldType.DATE, RecipientField.BIRTH_DATE.type());
        assertEquals(FieldType.TIMESTAMP, RecipientField.UPDATED_AT.type());
        assertEquals(FieldType.BOOLEAN, RecipientField.SMS_QUARANTINED.type());
        assertTrue(RecipientField.SMS_QUARANTINED.isDerivedFromTimestamp());
        assertFalse(RecipientField.SMS_OPT_OUT.isDerivedFromTimestamp());
        assertEquals(FieldType.LIST, RecipientField.LIST.type());
        assertTrue(RecipientField.FIRST_NAME.allowedValues().isEmpty());
        assertEquals(FieldType.BEHAVIOUR, RecipientField.DELIVERY.type());
        assertEquals("id", RecipientField.DELIVERY.column());
    }

    @Test
    void pseudoFieldsAreNotRecipientColumns() {
        for (RecipientField field : RecipientField.values()) {
            boolean pseudo = field == RecipientField.LIST || field == RecipientField.DELIVERY;
            assertEquals(!pseudo, field.isRecipientColumn(), field.name());
        }
    }

    @Test
    void eachTypeAllowsItsOperators() {
        assertEquals(
                EnumSet.of(
                        Operator.EQUALS,
                        Operator.NOT_EQUALS,
                        Operator.CONTAINS,
                        Operator.NOT_CONTAINS,
                        Operator.STARTS_WITH,
                        Operator.IS_EMPTY,
                        Operator.IS_NOT_EMPTY,
                        Operator.IN,
                        Operator.NOT_IN),
                FieldType.TEXT.operators());
        assertEquals(
                EnumSet.of(
                        Operator.EQUALS,
                        Operator.NOT_EQUALS,
                        Operator.IN,
                        Operator.NOT_IN,
                        Operator.IS_EMPTY,
                        Operator.IS_NOT_EMPTY),
                FieldType.ENUM.operators());
        Set<Operator> dates = EnumSet.of(
                Operator.EQUALS,
                Operator.NOT_EQUALS,
                Operator.LESS_THAN,
                Operator.LESS_OR_EQUAL,
                Operator.GREATER_THAN,
                Operator.GREATER_OR_EQUAL,
                Operator.BETWEEN,
                Operator.IS_EMPTY,
                Operator.IS_NOT_EMPTY,
                Operator.IN_LAST_DAYS,
                Operator.NOT_IN_LAST_DAYS);
        assertEquals(dates, FieldType.DATE.operators());
        assertEquals(dates, FieldType.TIMESTAMP.operators());
        assertEquals(EnumSet.of(Operator.IS_TRUE, Operator.IS_FALSE), FieldType.BOOLEAN.operators());
        assertEquals(EnumSet.of(Operator.MEMBER_OF_LIST, Operator.NOT_MEMBER_OF_LIST), FieldType.LIST.operators());
        assertEquals(
                EnumSet.of(
                        Operator.SENT,
                        Operator.FAILED,
                        Operator.OPENED,
                        Operator.CLICKED,
                        Operator.OPENED_OR_CLICKED,
                        Operator.NEITHER_OPENED_NOR_CLICKED,
                        Operator.DID_NOT_CLICK,
                        Operator.OPENED_PEOPLE_ONLY,
                        Operator.CLICKED_PEOPLE_ONLY,
                        Operator.OPENED_OR_CLICKED_PEOPLE_ONLY,
                        Operator.NEITHER_OPENED_NOR_CLICKED_PEOPLE_ONLY,
                        Operator.DID_NOT_CLICK_PEOPLE_ONLY),
                FieldType.BEHAVIOUR.operators());
        assertFalse(RecipientField.BIRTH_DATE.allows(Operator.CONTAINS));
        assertTrue(RecipientField.EMAIL.allows(Operator.STARTS_WITH));
        assertThrows(
                UnsupportedOperationException.class,
                () -> FieldType.TEXT.operators().add(Operator.IS_TRUE));
    }

    @Test
    void everyOperatorAppliesToSomeType() {
        Set<Operator> covered = EnumSet.noneOf(Operator.class);
        for (FieldType type : FieldType.values()) {
            covered.addAll(type.operators());
        }
        assertEquals(EnumSet.allOf(Operator.class), covered);
    }
}

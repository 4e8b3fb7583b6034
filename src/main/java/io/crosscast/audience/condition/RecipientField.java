package io.crosscast.audience.condition;

import java.util.List;
import java.util.Optional;

/**
 * The whitelist of what a {@link Rule} may test: each field has a stable public name (used in JSON and
 * the UI), the column of table {@code recipient} it reads and a {@link FieldType}. Only these columns
 * ever reach SQL.
 */
public enum RecipientField {

    /** First name, case-sensitive equality. */
    FIRST_NAME("firstName", "first_name", FieldType.TEXT, ValueCase.AS_TYPED),
    /** Last name, case-sensitive equality. */
    LAST_NAME("lastName", "last_name", FieldType.TEXT, ValueCase.AS_TYPED),
    /** Email address, compared on the lower-cased {@code email_key}, so case never matters. */
    EMAIL("email", "email_key", FieldType.TEXT, ValueCase.LOWER),
    /** Mobile phone number in E.164 form ({@code +33612345678}). */
    MOBILE_PHONE("mobilePhone", "mobile_phone", FieldType.TEXT, ValueCase.AS_TYPED),
    /** Loyalty status; {@code NONE} counts as empty. */
    STATUS("status", "status", FieldType.ENUM, ValueCase.UPPER, List.of("GOLD", "SILVER", "BRONZE", "NONE"), "NONE"),
    /** Two-letter country code, stored upper-case; values are upper-cased. */
    COUNTRY("country", "country", FieldType.TEXT, ValueCase.UPPER),
    /** Preferred language, case-sensitive equality. */
    LANGUAGE("language", "language", FieldType.TEXT, ValueCase.AS_TYPED),
    /** Date of birth. */
    BIRTH_DATE("birthDate", "birth_date", FieldType.DATE, ValueCase.AS_TYPED),
    /** When the recipient was created. */
    CREATED_AT("createdAt", "created_at", FieldType.TIMESTAMP, ValueCase.AS_TYPED),
    /** When the recipient was last changed. */
    UPDATED_AT("updatedAt", "updated_at", FieldType.TIMESTAMP, ValueCase.AS_TYPED),
    /** The recipient refuses emails. */
    EMAIL_OPT_OUT("emailOptOut", "email_opt_out", FieldType.BOOLEAN, ValueCase.AS_TYPED),
    /** The recipient refuses text messages. */
    SMS_OPT_OUT("smsOptOut", "sms_opt_out", FieldType.BOOLEAN, ValueCase.AS_TYPED),
    /** The email address is quarantined: true when {@code email_quarantined_at} is set. */
    EMAIL_QUARANTINED("emailQuarantined", "email_quarantined_at", FieldType.BOOLEAN, ValueCase.AS_TYPED),
    /** The mobile phone is quarantined: true when {@code sms_quarantined_at} is set. */
    SMS_QUARANTINED("smsQuarantined", "sms_quarantined_at", FieldType.BOOLEAN, ValueCase.AS_TYPED),
    /**
     * Pseudo-field for list membership: the value is a list id, matched against {@code list_member} by the
     * recipient's {@code id}.
     */
    LIST("list", "id", FieldType.LIST, ValueCase.AS_TYPED),
    /**
     * Pseudo-field for what the recipient did with a delivery: the value is a delivery id (or none, for the
     * delivery of the incoming transition), matched against {@code delivery_message} and
     * {@code tracking_log} by the recipient's {@code id}.
     */
    DELIVERY("delivery", "id", FieldType.BEHAVIOUR, ValueCase.AS_TYPED);

    /** How a field's values are normalised before being compared with its column. */
    public enum ValueCase {
        /** Compared as typed (after trimming). */
        AS_TYPED,
        /** Lower-cased, because the column holds lower-case values. */
        LOWER,
        /** Upper-cased, because the column holds upper-case values. */
        UPPER
    }

    private final String publicName;
    private final String column;
    private final FieldType type;
    private final ValueCase valueCase;
    private final List<String> allowedValues;
    private final String emptyValue;

    RecipientField(String publicName, String column, FieldType type, ValueCase valueCase) {
        this(publicName, column, type, valueCase, List.of(), null);
    }

    RecipientField(
            String publicName,
            String column,
            FieldType type,
            ValueCase valueCase,
            List<String> allowedValues,
            String emptyValue) {
        this.publicName = publicName;
        this.column = column;
        this.type = type;
        this.valueCase = valueCase;
        this.allowedValues = allowedValues;
        this.emptyValue = emptyValue;
    }

    /** The stable camelCase name used in JSON and the UI: {@code "birthDate"}. */
    public String publicName() {
        return publicName;
    }

    /** The column of table {@code recipient} this field reads. */
    public String column() {
        return column;
    }

    /** The field's type. */
    public FieldType type() {
        return type;
    }

    /** How values are normalised before comparison. */
    public ValueCase valueCase() {
        return valueCase;
    }

    /** For {@link FieldType#ENUM} fields, the values it may hold, as stored; empty otherwise. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /**
     * For {@link FieldType#ENUM} fields, the stored value that means "no value" (the status {@code NONE}),
     * if any.
     */
    public Optional<String> emptyValue() {
        return Optional.ofNullable(emptyValue);
    }

    /**
     * Whether this {@link FieldType#BOOLEAN} field is derived from a nullable timestamp (true when set)
     * rather than stored as a boolean column.
     */
    public boolean isDerivedFromTimestamp() {
        return this == EMAIL_QUARANTINED || this == SMS_QUARANTINED;
    }

    /**
     * Whether the field is a column of the recipient itself, which a page can show or sort by; false for
     * the pseudo-fields that look into other tables ({@link #LIST}, {@link #DELIVERY}).
     */
    public boolean isRecipientColumn() {
        return type != FieldType.LIST && type != FieldType.BEHAVIOUR;
    }

    /** Whether {@code operator} applies to this field. */
    public boolean allows(Operator operator) {
        return type.allows(operator);
    }

    /** The field whose {@link #publicName()} is exactly {@code name}, if any. */
    public static Optional<RecipientField> fromPublicName(String name) {
        for (RecipientField field : values()) {
            if (field.publicName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}

package io.crosscast.audience.contact;

import io.crosscast.platform.EnglishTemplate;
import java.util.List;

/**
 * Why a contact value (email address, phone number) or an imported cell cannot be stored, with the English
 * wording of each. Each documents its arguments; translations key on {@link #key()} and use the same
 * {@code {0}}, {@code {1}}... placeholders as {@link #englishTemplate()}.
 */
public enum ContactProblem {

    /** No arguments. */
    EMAIL_REQUIRED("An email address is required"),
    /** Arguments: the address, the maximum. */
    EMAIL_TOO_LONG("'{0}' is not a valid email address: it is longer than {1} characters"),
    /** Arguments: the address. */
    EMAIL_CONTAINS_SPACE("'{0}' is not a valid email address: it contains a space"),
    /** Arguments: the address. */
    EMAIL_AT_SIGN("'{0}' is not a valid email address: it must contain exactly one @"),
    /** Arguments: the address. */
    EMAIL_NOTHING_BEFORE_AT("'{0}' is not a valid email address: nothing before the @"),
    /** Arguments: the address, the maximum. */
    EMAIL_LOCAL_PART_TOO_LONG("'{0}' is not a valid email address: the part before the @ is longer than {1} characters"),
    /** Arguments: the address. */
    EMAIL_LOCAL_PART_CHARACTERS("'{0}' is not a valid email address: the part before the @ may only contain letters,"
            + " digits and + . _ - '"),
    /** Arguments: the address. */
    EMAIL_MISPLACED_DOT("'{0}' is not a valid email address: misplaced dot before the @"),
    /** Arguments: the address. */
    EMAIL_NOTHING_AFTER_AT("'{0}' is not a valid email address: nothing after the @"),
    /** Arguments: the address. */
    EMAIL_DOMAIN_WITHOUT_DOT("'{0}' is not a valid email address: the domain must contain a dot"),
    /** Arguments: the address, its domain. */
    EMAIL_INVALID_DOMAIN("'{0}' is not a valid email address: '{1}' is not a valid domain"),
    /** No arguments. */
    PHONE_REQUIRED("A phone number is required"),
    /** Arguments: the number as written. */
    PHONE_NOT_MOBILE("'{0}' is not a mobile number"),
    /** Arguments: the number as written, the region it was read in (FR). */
    PHONE_INVALID("'{0}' is not a valid phone number for {1}"),
    /** Arguments: the field's English name, the maximum, the length. */
    TOO_LONG("{0} is longer than {1} characters ({2})", 0),
    /** Arguments: the cell. */
    NOT_A_STATUS("'{0}' is not a status: use GOLD, SILVER, BRONZE or NONE"),
    /** Arguments: the cell. */
    NOT_A_COUNTRY("'{0}' is not a country code: use the ISO 3166 two-letter code, for example FR"),
    /** Arguments: the cell. */
    NOT_A_LANGUAGE("'{0}' is not a language tag: use for example fr or en-GB"),
    /** Arguments: the cell. */
    BIRTH_DATE_IN_FUTURE("Birth date {0} is in the future"),
    /** Arguments: the cell, the field's English name. */
    NOT_YES_OR_NO("'{0}' is not a valid {1} value: use yes/no, true/false, oui/non, y/n or 1/0", 1),
    /** Arguments: the cell. */
    NOT_A_DATE("'{0}' is not a date: use yyyy-MM-dd or dd/MM/yyyy");

    private final String englishTemplate;
    private final int fieldArgument;

    ContactProblem(String englishTemplate) {
        this(englishTemplate, -1);
    }

    ContactProblem(String englishTemplate, int fieldArgument) {
        this.englishTemplate = englishTemplate;
        this.fieldArgument = fieldArgument;
    }

    /** The English wording, with placeholders {@code {0}}, {@code {1}}... for the arguments. */
    public String englishTemplate() {
        return englishTemplate;
    }

    /**
     * Which argument is the English name of the field the value was meant for (a translation names the field
     * in its own words), or -1 when the wording names no field.
     */
    public int fieldArgument() {
        return fieldArgument;
    }

    /** The key of the wording in the web bundles. */
    public String key() {
        return "contact.problem." + name();
    }

    /** The English message for these arguments. */
    public String format(List<String> arguments) {
        return EnglishTemplate.format(englishTemplate, arguments);
    }
}

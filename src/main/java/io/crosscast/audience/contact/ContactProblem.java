package io.crosscast.audience.contact;

import io.crosscast.platform.EnglishTemplate;
import java.util.List;

/**
 * Why a contact value (email address, phone number) or an imported cell cannot be stored. Each documents its
 * arguments, which fill the {@code {0}}, {@code {1}}... of its wording in the web bundles (key {@link #key()}).
 */
public enum ContactProblem {

    /** No arguments. */
    EMAIL_REQUIRED,
    /** Arguments: the address, the maximum. */
    EMAIL_TOO_LONG,
    /** Arguments: the address. */
    EMAIL_CONTAINS_SPACE,
    /** Arguments: the address. */
    EMAIL_AT_SIGN,
    /** Arguments: the address. */
    EMAIL_NOTHING_BEFORE_AT,
    /** Arguments: the address, the maximum. */
    EMAIL_LOCAL_PART_TOO_LONG,
    /** Arguments: the address. */
    EMAIL_LOCAL_PART_CHARACTERS,
    /** Arguments: the address. */
    EMAIL_MISPLACED_DOT,
    /** Arguments: the address. */
    EMAIL_NOTHING_AFTER_AT,
    /** Arguments: the address. */
    EMAIL_DOMAIN_WITHOUT_DOT,
    /** Arguments: the address, its domain. */
    EMAIL_INVALID_DOMAIN,
    /** No arguments. */
    PHONE_REQUIRED,
    /** Arguments: the number as written. */
    PHONE_NOT_MOBILE,
    /** Arguments: the number as written, the region it was read in (FR). */
    PHONE_INVALID,
    /** Arguments: the field's English name, the maximum, the length. */
    TOO_LONG(0),
    /** Arguments: the cell. */
    NOT_A_STATUS,
    /** Arguments: the cell. */
    NOT_A_COUNTRY,
    /** Arguments: the cell. */
    NOT_A_LANGUAGE,
    /** Arguments: the cell. */
    BIRTH_DATE_IN_FUTURE,
    /** Arguments: the cell, the field's English name. */
    NOT_YES_OR_NO(1),
    /** Arguments: the cell. */
    NOT_A_DATE;

    private final int fieldArgument;

    ContactProblem() {
        this(-1);
    }

    ContactProblem(int fieldArgument) {
        this.fieldArgument = fieldArgument;
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

    /** The English message for these arguments, from the English bundle. */
    public String format(List<String> arguments) {
        return EnglishTemplate.text(EnglishTemplate.MESSAGES, key(), arguments);
    }
}

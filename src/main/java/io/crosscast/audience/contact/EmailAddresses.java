package io.crosscast.audience.contact;

import java.util.Locale;
import java.util.Optional;

/**
 * Pragmatic validation of email addresses: strict enough to catch typing and export mistakes, loose
 * enough to accept every address a mail provider actually hands out. It is not RFC 5322; the rules are:
 * <ul>
 * <li>leading and trailing whitespace is removed; no whitespace is allowed inside;</li>
 * <li>at most 254 characters in all, and exactly one {@code @};</li>
 * <li>the local part (before the {@code @}) has 1 to 64 characters among ASCII letters, digits and
 * {@code + . _ - '}, and neither starts nor ends with a dot nor contains two dots in a row
 * (quoted local parts such as {@code "john doe"@example.com} are refused);</li>
 * <li>the domain has at least two labels separated by dots; each label has 1 to 63 ASCII letters,
 * digits or hyphens and neither starts nor ends with a hyphen; the last label (top-level domain) has at
 * least two characters and is not all digits, so IP addresses are refused.</li>
 * </ul>
 * <p>Internationalised addresses are refused when written in Unicode ({@code jean@exämple.fr}): sending
 * them needs SMTPUTF8 support all along the way. Their ASCII (punycode) form, {@code jean@xn--exmple-cua.fr},
 * is accepted as-is.
 * <p>The address keeps the case it was typed in; {@link #key(String)} gives the lower-cased form used to
 * find an address whatever its case.
 */
public final class EmailAddresses {

    /** Longest address that fits a forward-path in SMTP (RFC 5321), and the database column. */
    public static final int MAX_LENGTH = 254;

    private static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;

    private EmailAddresses() {}

    /**
     * Trims and validates an address.
     *
     * @return the trimmed address, in its original case
     * @throws InvalidContactException when the address is blank or not valid, naming the reason
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidContactException(ContactProblem.EMAIL_REQUIRED);
        }
        String email = raw.strip();
        InvalidContactException problem = problemWith(email);
        if (problem != null) {
            throw problem;
        }
        return email;
    }

    /**
     * Like {@link #normalise(String)}, but a null or blank value gives an empty result instead of an error.
     *
     * @throws InvalidContactException when a value is present and not valid
     */
    public static Optional<String> normaliseOptional(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(normalise(raw));
    }

    /** The lookup key of an address: the address lower-cased (locale-independent). */
    public static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** Why the (trimmed) address is not valid, or null when it is. */
    private static InvalidContactException problemWith(String email) {
        if (email.length() > MAX_LENGTH) {
            return new InvalidContactException(ContactProblem.EMAIL_TOO_LONG, email, MAX_LENGTH);
        }
        if (email.chars().anyMatch(Character::isWhitespace)) {
            return new InvalidContactException(ContactProblem.EMAIL_CONTAINS_SPACE, email);
        }
        int at = email.indexOf('@');
        if (at < 0 || at != email.lastIndexOf('@')) {
            return new InvalidContactException(ContactProblem.EMAIL_AT_SIGN, email);
        }
        InvalidContactException localPartProblem = problemWithLocalPart(email, email.substring(0, at));
        return localPartProblem != null ? localPartProblem : problemWithDomain(email, email.substring(at + 1));
    }

    private static InvalidContactException problemWithLocalPart(String email, String local) {
        if (local.isEmpty()) {
            return new InvalidContactException(ContactProblem.EMAIL_NOTHING_BEFORE_AT, email);
        }
        if (local.length() > MAX_LOCAL_PART_LENGTH) {
            return new InvalidContactException(ContactProblem.EMAIL_LOCAL_PART_TOO_LONG, email, MAX_LOCAL_PART_LENGTH);
        }
        if (!local.chars().allMatch(EmailAddresses::isLocalPartCharacter)) {
            return new InvalidContactException(ContactProblem.EMAIL_LOCAL_PART_CHARACTERS, email);
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return new InvalidContactException(ContactProblem.EMAIL_MISPLACED_DOT, email);
        }
        return null;
    }

    private static InvalidContactException problemWithDomain(String email, String domain) {
        if (domain.isEmpty()) {
            return new InvalidContactException(ContactProblem.EMAIL_NOTHING_AFTER_AT, email);
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return new InvalidContactException(ContactProblem.EMAIL_DOMAIN_WITHOUT_DOT, email);
        }
        for (String label : labels) {
            if (!isValidLabel(label)) {
                return new InvalidContactException(ContactProblem.EMAIL_INVALID_DOMAIN, email, domain);
            }
        }
        String topLevel = labels[labels.length - 1];
        if (topLevel.length() < 2 || topLevel.chars().allMatch(EmailAddresses::isAsciiDigit)) {
            return new InvalidContactException(ContactProblem.EMAIL_INVALID_DOMAIN, email, domain);
        }
        return null;
    }

    private static boolean isValidLabel(String label) {
        return !label.isEmpty()
                && label.length() <= MAX_LABEL_LENGTH
                && !label.startsWith("-")
                && !label.endsWith("-")
                && label.chars().allMatch(c -> isAsciiLetterOrDigit(c) || c == '-');
    }

    private static boolean isLocalPartCharacter(int c) {
        return isAsciiLetterOrDigit(c) || c == '+' || c == '.' || c == '_' || c == '-' || c == '\'';
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isAsciiDigit(c);
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }
}

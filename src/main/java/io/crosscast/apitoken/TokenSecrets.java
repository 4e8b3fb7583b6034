package io.crosscast.apitoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What an API token is, plain Java: {@value #PREFIX} and 32 random bytes (SecureRandom) in base64url without
 * padding, 46 characters; kept only as the hex SHA-256 of the whole token, found by that hash. The prefix
 * lets people and secret scanners recognise a token. See docs/DECISIONS.md, "API tokens".
 */
public final class TokenSecrets {

    public static final String PREFIX = "cc_";
    static final int BYTES = 32;
    static final int HINT_LENGTH = PREFIX.length() + 4;
    /** Tokens live at most this many days; the page proposes {@value #DEFAULT_DAYS}. */
    public static final int MAX_DAYS = 365;

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_NAME = 100;

    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {}

    /** A new token, to be shown once. */
    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code token} has the shape of a token (anything else is refused before any lookup). */
    public static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** The hex SHA-256 of the token, what the database keeps. */
    public static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The first characters of the token, shown in lists to tell tokens apart (not enough to guess it). */
    public static String hint(String token) {
        return token.substring(0, HINT_LENGTH);
    }

    /** The expiry of a token made at {@code now} for {@code days} days; the error code when out of range. */
    static Instant expiry(Instant now, Integer days) {
        if (days == null) {
            throw new ApiTokenException("apiToken.expiryRequired", "Give the token's lifetime in days.");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new ApiTokenException(
                    "apiToken.expiryRange", "A token lives from 1 to " + MAX_DAYS + " days, not " + days + ".");
        }
        return now.plus(Duration.ofDays(days));
    }

    /** The token's name, trimmed: 1 to {@value #MAX_NAME} characters, no control characters (it is logged). */
    static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new ApiTokenException("apiToken.nameRequired", "Give the token a name.");
        }
        if (name.length() > MAX_NAME) {
            throw new ApiTokenException(
                    "apiToken.nameTooLong", "A token's name has at most " + MAX_NAME + " characters.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new ApiTokenException("apiToken.nameInvalid", "A token's name may not hold control characters.");
        }
        return name;
    }
}

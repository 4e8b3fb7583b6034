package io.crosscast.web.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A user name and password from an HTTP Basic {@code Authorization} header (RFC 7617): the scheme
 * {@code Basic} (any case), then base64 of {@code user:password} in UTF-8. The user name ends at the first
 * colon; the password may contain colons.
 *
 * @param user     the user name, never empty
 * @param password the password, possibly empty
 */
public record BasicCredentials(String user, String password) {

    private static final String SCHEME = "basic";

    /**
     * The credentials of an {@code Authorization} header value.
     *
     * @return empty if there is no header or it is of another scheme (Bearer...)
     * @throws IllegalArgumentException if it is a Basic header that does not hold {@code user:password}
     */
    public static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        String encoded = space < 0 ? "" : header.substring(space + 1).strip();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The Basic credentials are not base64", e);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("The Basic credentials are not user:password");
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}

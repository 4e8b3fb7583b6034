package io.crosscast.content;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an href of an email is, read as browsers read it (the WHATWG URL standard, for what an email can
 * hold), and the {@code http(s)} URL it leads to written so that any URI parser takes it.
 *
 * <p>Reading: surrounding spaces and controls are trimmed and tabs and line breaks inside are dropped;
 * {@code mailto:}, {@code tel:}, {@code sms:}, {@code #anchors} and an empty href are {@link Kind#KEPT} as
 * they are; other schemes ({@code ftp:}...) are {@link Kind#OTHER_SCHEME}, kept too. An {@code http(s)} URL
 * is {@link Kind#WEB}: scheme and host in lower case, the host in ASCII ({@link IDN}, punycode), an empty
 * port dropped, {@code \} read as {@code /} before the query, and in the path, query and fragment every
 * character a URI cannot hold as it is (space, {@code " < > ` { } | ^ \}, controls, non-ASCII as UTF-8...)
 * percent-encoded; valid {@code %XX} escapes are kept. What cannot be a link of an email is
 * {@link Kind#REFUSED} with a {@link ContentProblem.Reason}: {@code javascript:}, {@code data:} and
 * {@code vbscript:} hrefs, relative links (an email has no base address), no host, a bad port or host
 * (invalid punycode, forbidden characters), a {@code %} not followed by two hexadecimal digits, a user
 * name or password. Plain Java.
 *
 * @param kind      what the href is
 * @param url       the normalised URL of a {@link Kind#WEB} link, the trimmed href of a kept one, null if refused
 * @param reason    why it is refused, or null
 */
public record LinkUrl(Kind kind, String url, ContentProblem.Reason reason) {

    /** What an href is. */
    public enum Kind {
        /** An {@code http} or {@code https} URL, normalised: it can be tracked and redirected to. */
        WEB,
        /** {@code mailto:}, {@code tel:}, {@code sms:}, {@code #anchor} or empty: left as written, not tracked. */
        KEPT,
        /** Another scheme ({@code ftp:}, an app's...): left as written, not tracked. */
        OTHER_SCHEME,
        /** Cannot be a link of an email: see {@link LinkUrl#reason()}. */
        REFUSED
    }

    /** Checks that a refusal, and only it, has a reason. */
    public LinkUrl {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.REFUSED) != (reason != null)) {
            throw new IllegalArgumentException("A refused link, and only it, has a reason");
        }
    }

    private static final List<String> KEPT_SCHEMES = List.of("mailto", "tel", "sms");
    private static final List<String> SCRIPT_SCHEMES = List.of("javascript", "data", "vbscript");

    /** Reads an href (entities already decoded). */
    public static LinkUrl read(String href) {
        Objects.requireNonNull(href, "href");
        String trimmed = trim(href);
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return new LinkUrl(Kind.KEPT, trimmed, null);
        }
        int colon = schemeEnd(trimmed);
        if (colon < 0) {
            return refused(ContentProblem.Reason.LINK_RELATIVE);
        }
        String scheme = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        if (SCRIPT_SCHEMES.contains(scheme)) {
            return refused(ContentProblem.Reason.LINK_SCRIPT);
        }
        if (KEPT_SCHEMES.contains(scheme)) {
            return new LinkUrl(Kind.KEPT, trimmed, null);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new LinkUrl(Kind.OTHER_SCHEME, trimmed, null);
        }
        try {
            return new LinkUrl(Kind.WEB, web(scheme, trimmed.substring(colon + 1)), null);
        } catch (Refusal e) {
            return refused(e.reason);
        }
    }

    /**
     * The URL of an {@code http(s)} href, normalised.
     *
     * @throws IllegalArgumentException with the reason in English if it is not one or cannot be
     */
    public static String normalise(String href) {
        LinkUrl link = read(href);
        if (link.kind() != Kind.WEB) {
            throw new IllegalArgumentException(
                    link.reason() == null
                            ? "Not an http or https URL: " + href
                            : link.reason().english(List.of(href)));
        }
        return link.url();
    }

    private static LinkUrl refused(ContentProblem.Reason reason) {
        return new LinkUrl(Kind.REFUSED, null, reason);
    }

    /** Trims C0 controls and spaces around, drops tabs and line breaks inside (as browsers do). */
    static String trim(String href) {
        int start = 0;
        int end = href.length();
        while (start < end && href.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && href.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = href.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index of the colon ending a scheme (a letter, then letters, digits, + - .), or -1. */
    private static int schemeEnd(String href) {
        if (href.isEmpty() || !isAsciiLetter(href.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    /** {@code rest} is what follows {@code scheme:}. */
    private static String web(String scheme, String rest) {
        int start = 0;
        // Special schemes: any number of slashes or backslashes before the authority.
        while (start < rest.length() && (rest.charAt(start) == '/' || rest.charAt(start) == '\\')) {
            start++;
        }
        int end = start;
        while (end < rest.length() && "/\\?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(start, end);
        String remainder = rest.substring(end);

        if (authority.indexOf('@') >= 0) {
            throw new Refusal(ContentProblem.Reason.LINK_USERINFO);
        }
        String host = authority;
        String port = null;
        int portColon = authority.lastIndexOf(':');
        if (portColon >= 0 && authority.indexOf(']', portColon) < 0) {
            host = authority.substring(0, portColon);
            port = authority.substring(portColon + 1);
        }
        StringBuilder url = new StringBuilder(rest.length() + 16)
                .append(scheme)
                .append("://")
                .append(host(host));
        if (port != null && !port.isEmpty()) {
            url.append(':').append(port(port));
        }

        int hash = remainder.indexOf('#');
        String fragment = hash < 0 ? null : remainder.substring(hash + 1);
        String beforeFragment = hash < 0 ? remainder : remainder.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String path = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        String query = question < 0 ? null : beforeFragment.substring(question + 1);
        encode(path.replace('\\', '/'), PATH, url);
        if (query != null) {
            encode(query, QUERY, url.append('?'));
        }
        if (fragment != null) {
            encode(fragment, QUERY, url.append('#'));
        }
        String normalised = url.toString();
        try {
            URI uri = new URI(normalised);
            if (uri.getHost() == null && uri.getAuthority() == null) {
                throw new Refusal(ContentProblem.Reason.LINK_NO_HOST);
            }
        } catch (URISyntaxException e) {
            throw new Refusal(ContentProblem.Reason.LINK_INVALID);
        }
        return normalised;
    }

    private static String host(String raw) {
        if (raw.isEmpty()) {
            throw new Refusal(ContentProblem.Reason.LINK_NO_HOST);
        }
        if (raw.startsWith("[")) {
            if (!raw.endsWith("]") || raw.length() < 3) {
                throw new Refusal(ContentProblem.Reason.LINK_BAD_HOST);
            }
            String address = raw.substring(1, raw.length() - 1).toLowerCase(Locale.ROOT);
            for (int i = 0; i < address.length(); i++) {
                char c = address.charAt(i);
                if (!isDigit(c) && (c < 'a' || c > 'f') && c != ':' && c != '.') {
                    throw new Refusal(ContentProblem.Reason.LINK_BAD_HOST);
                }
            }
            try {
                new URI("http", null, address, -1, null, null, null);
            } catch (URISyntaxException e) {
                throw new Refusal(ContentProblem.Reason.LINK_BAD_HOST);
            }
            return "[" + address + "]";
        }
        String decoded = percentDecode(raw).toLowerCase(Locale.ROOT);
        String ascii;
        try {
            ascii = IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new Refusal(ContentProblem.Reason.LINK_BAD_HOST);
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        if (ascii.isEmpty() || ascii.startsWith(".") || ascii.contains("..")) {
            throw new Refusal(ContentProblem.Reason.LINK_BAD_HOST);
        }
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (!isAsciiLetter(c) && !isDigit(c) && c != '-' && c != '.' && c != '_') {
                throw new Refusal(ContentProblem.Reason.LINK_BAD_HOST);
            }
        }
        for (String label : ascii.split("\\.")) {
            // toUnicode gives back its input when the punycode cannot be decoded.
            if (label.startsWith("xn--")
                    && IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED).equals(label)) {
                throw new Refusal(ContentProblem.Reason.LINK_BAD_HOST);
            }
        }
        return ascii;
    }

    private static String port(String raw) {
        if (raw.length() > 5) {
            throw new Refusal(ContentProblem.Reason.LINK_BAD_PORT);
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!isDigit(raw.charAt(i))) {
                throw new Refusal(ContentProblem.Reason.LINK_BAD_PORT);
            }
        }
        int port = Integer.parseInt(raw);
        if (port > 65535) {
            throw new Refusal(ContentProblem.Reason.LINK_BAD_PORT);
        }
        return String.valueOf(port);
    }

    /** A host's {@code %XX} escapes decoded (UTF-8), as browsers do before reading it. */
    private static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] bytes = new byte[raw.length() * 4];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                    throw new Refusal(ContentProblem.Reason.LINK_BAD_PERCENT);
                }
                bytes[n++] = (byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    bytes[n++] = b;
                }
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    /** Characters a path may hold as they are, besides letters and digits (RFC 2396 pchar, as java.net.URI). */
    private static final String PATH = "-_.!~*'()/:@&=+$,;";

    /** Characters a query or a fragment may hold as they are, besides letters and digits. */
    private static final String QUERY = PATH + "?[]";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Appends {@code part}, percent-encoding as UTF-8 every character not in {@code allowed}. */
    private static void encode(String part, String allowed, StringBuilder out) {
        for (int i = 0; i < part.length(); ) {
            int c = part.codePointAt(i);
            int width = Character.charCount(c);
            if (c == '%') {
                if (i + 2 >= part.length() || !isHex(part.charAt(i + 1)) || !isHex(part.charAt(i + 2))) {
                    throw new Refusal(ContentProblem.Reason.LINK_BAD_PERCENT);
                }
                out.append(part, i, i + 3);
                i += 3;
                continue;
            }
            if (c < 0x80 && (isAsciiLetter((char) c) || isDigit((char) c) || allowed.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                String character =
                        c <= 0xFFFF && Character.isSurrogate((char) c) ? "\uFFFD" : new String(Character.toChars(c));
                for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            i += width;
        }
    }

    /**
     * A value put into a URL (a recipient's field in a personalized link): every UTF-8 byte but letters,
     * digits and {@code - . _ ~} percent-encoded, so it stays one value wherever it is ({@code a+b@x.fr}
     * gives {@code a%2Bb%40x.fr}).
     */
    public static String encodeValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        String wellFormed = value.codePoints()
                .mapToObj(c ->
                        c <= 0xFFFF && Character.isSurrogate((char) c) ? "\uFFFD" : new String(Character.toChars(c)))
                .collect(java.util.stream.Collectors.joining());
        for (byte b : wellFormed.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (isAsciiLetter(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Why an http(s) URL cannot be normalised. */
    private static final class Refusal extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient ContentProblem.Reason reason;

        Refusal(ContentProblem.Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }
    }
}

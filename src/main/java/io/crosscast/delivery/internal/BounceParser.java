package io.crosscast.delivery.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message of the bounce mailbox: a delivery status notification (RFC 3464: {@code multipart/report;
 * report-type=delivery-status} with a {@code message/delivery-status} part, as Postfix, Exim, Gmail and Exchange
 * send) or a common non-standard bounce (a plain text from the mailer daemon with a status code or the usual words).
 * Anything else (an auto-reply, a read receipt, a person's answer) is not a bounce. The message that bounced is
 * recognised by its Message-ID, found in the returned message or headers, or anywhere in the text: Crosscast's
 * Message-IDs ({@code <d<delivery>.r<recipient>.<tag>@host>}) are signed, so a row is matched only by the exact id
 * it was sent with.
 *
 * <p>Parts are read as bytes ({@link Part#getInputStream()}), never through Jakarta Mail's content handlers, so
 * the parser does not depend on the DSN classes of one implementation.
 */
public final class BounceParser {

    /** Crosscast's Message-IDs, as {@code TrackingTokens.messageId} writes them. */
    private static final Pattern CROSSCAST_ID = Pattern.compile("<?(d\\d+\\.r\\d+\\.[A-Za-z0-9_-]+@[A-Za-z0-9.-]+)>?");

    /** A VERP address's token ({@link Verp}): {@code bounces+d12.r345.<tag>@...}. */
    private static final Pattern VERP_TOKEN = Pattern.compile("\\+(d\\d+\\.r\\d+\\.[A-Za-z0-9_-]+)@");

    /** The domain a VERP token is given as a Message-ID with ({@code <token@verp.invalid>}). */
    public static final String VERP_DOMAIN = "verp.invalid";

    private static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    private static final Pattern REPLY = Pattern.compile("(?<![\\d.])([45])\\d\\d(?=[ -])");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private static final Pattern DAEMON = Pattern.compile(
            "mailer-daemon|postmaster|mail delivery (subsystem|system)|mail administrator", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "undeliver|undelivered|delivery status notification|delivery (has )?failed|failure notice"
                    + "|returned mail|mail delivery failed|delivery failure|non[- ]?delivery|could not be delivered"
                    + "|delivery delayed|warning: could not send|unzustellbar|non remis|échec de la remise",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "out of (the )?office|automatic reply|auto[- ]?reply|autoreply|^auto:|absence|abwesen|vacation"
                    + "|réponse automatique",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HARD_WORDS = Pattern.compile(
            "user unknown|unknown user|no such user|no such (mailbox|recipient)|does not exist|doesn't exist"
                    + "|invalid (recipient|mailbox|address)|recipient address rejected|mailbox unavailable"
                    + "|address rejected|account (has been )?disabled|not found|unrouteable|host unknown",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SOFT_WORDS = Pattern.compile(
            "mailbox (is )?full|over quota|quota exceeded|exceeded (the|its|their) (storage )?quota"
                    + "|insufficient (system )?storage|try again later|temporar|delayed|will (retry|keep trying)",
            Pattern.CASE_INSENSITIVE);

    private static final int SHORT = 300;

    private BounceParser() {}

    /** The bounce this message is, or empty when it is none. */
    public static Optional<Bounce> parse(MimeMessage message) throws MessagingException, IOException {
        String key = key(message);
        String verp = verp(message);
        Parts parts = new Parts();
        collect(message, parts, 0);
        if (parts.deliveryStatus != null) {
            return fromReport(parts, key).map(b -> withVerp(b, verp));
        }
        if (parts.reportType != null) {
            // another kind of report (a read receipt, a complaint): not a bounce
            return Optional.empty();
        }
        return fromText(message, parts, key).map(b -> withVerp(b, verp));
    }

    /**
     * The VERP token the bounce is addressed to ({@code To}, {@code Delivered-To}, {@code X-Original-To},
     * {@code Envelope-To}), or null.
     */
    private static String verp(MimeMessage message) throws MessagingException {
        for (String name : new String[] {"Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To"}) {
            Matcher token = VERP_TOKEN.matcher(header(message, name));
            if (token.find()) {
                return token.group(1);
            }
        }
        return null;
    }

    /** A VERP token beats a Message-ID found in the text: the bounce's address is the mail server's, not quoted. */
    private static Bounce withVerp(Bounce bounce, String verp) {
        return verp == null
                ? bounce
                : new Bounce(
                        bounce.kind(),
                        bounce.status(),
                        bounce.diagnostic(),
                        bounce.recipient(),
                        "<" + verp + "@" + VERP_DOMAIN + ">",
                        bounce.key());
    }

    /** What the walk over the message's parts found. */
    private static final class Parts {
        String reportType;
        String deliveryStatus;
        final StringBuilder returned = new StringBuilder();
        final StringBuilder text = new StringBuilder();
    }

    private static void collect(Part part, Parts into, int depth) throws MessagingException, IOException {
        if (depth > 5) {
            return;
        }
        ContentType type = type(part);
        String base = type == null ? "text/plain" : type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.startsWith("multipart/")) {
            if ("multipart/report".equals(base) && type.getParameter("report-type") != null) {
                into.reportType = type.getParameter("report-type").toLowerCase(Locale.ROOT);
            }
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, into, depth + 1);
                }
            }
        } else if ("message/delivery-status".equals(base) || "message/global-delivery-status".equals(base)) {
            into.deliveryStatus = text(part, type);
        } else if ("message/rfc822".equals(base)
                || "text/rfc822-headers".equals(base)
                || "message/global".equals(base)
                || "message/global-headers".equals(base)) {
            into.returned.append(text(part, type)).append('\n');
        } else if (base.startsWith("text/")) {
            String text = text(part, type);
            into.text
                    .append("text/html".equals(base) ? text.replaceAll("<[^>]*>", " ") : text)
                    .append('\n');
        }
    }

    private static Optional<Bounce> fromReport(Parts parts, String key) {
        // Per-message fields first, then one block per recipient: the first failed or delayed recipient counts.
        String[] blocks = parts.deliveryStatus.replace("\r\n", "\n").split("\n\\s*\n");
        for (String block : blocks) {
            String fields = unfold(block);
            String action = field(fields, "Action");
            if (action == null) {
                continue;
            }
            action = action.toLowerCase(Locale.ROOT).trim();
            if (!action.startsWith("failed") && !action.startsWith("delayed")) {
                continue;
            }
            String status = field(fields, "Status");
            String code = null;
            if (status != null) {
                Matcher enhanced = ENHANCED.matcher(status);
                code = enhanced.find() ? enhanced.group() : null;
            }
            String diagnostic = field(fields, "Diagnostic-Code");
            if (diagnostic != null) {
                diagnostic = diagnostic.replaceFirst("(?i)^\\s*smtp\\s*;\\s*", "");
            }
            String recipient = address(field(fields, "Final-Recipient"));
            if (recipient == null) {
                recipient = address(field(fields, "Original-Recipient"));
            }
            Bounce.Kind kind = action.startsWith("delayed") ? Bounce.Kind.SOFT : kind(code, diagnostic);
            if (code == null && diagnostic != null) {
                code = code(diagnostic);
            }
            return Optional.of(new Bounce(
                    kind, code, shorten(diagnostic), recipient, messageId(parts.returned + "\n" + parts.text), key));
        }
        return Optional.empty();
    }

    private static Optional<Bounce> fromText(MimeMessage message, Parts parts, String key) throws MessagingException {
        String from = header(message, "From");
        String subject = header(message, "Subject");
        if (AUTO_REPLY_SUBJECT.matcher(subject).find()
                && !BOUNCE_SUBJECT.matcher(subject).find()) {
            return Optional.empty();
        }
        boolean daemon =
                DAEMON.matcher(from).find() || BOUNCE_SUBJECT.matcher(subject).find();
        if (!daemon) {
            return Optional.empty();
        }
        String body = parts.text.toString();
        String code = code(body);
        boolean hardWords = HARD_WORDS.matcher(body).find();
        boolean softWords = SOFT_WORDS.matcher(body).find();
        if (code == null && !hardWords && !softWords) {
            return Optional.empty();
        }
        Bounce.Kind kind;
        if (code != null) {
            kind = kind(code, body);
        } else {
            kind = softWords && !hardWords ? Bounce.Kind.SOFT : Bounce.Kind.HARD;
        }
        String recipient = address(header(message, "X-Failed-Recipients"));
        if (recipient == null) {
            recipient = firstAddressBut(body, from);
        }
        return Optional.of(new Bounce(
                kind,
                code,
                shorten(diagnosticLine(body, code)),
                recipient,
                messageId(parts.returned + "\n" + body),
                key));
    }

    /** 5.x.x is hard, 4.x.x soft; a full mailbox (5.2.2, or said in words) is soft whatever its class. */
    private static Bounce.Kind kind(String code, String words) {
        String text = words == null ? "" : words;
        if ("5.2.2".equals(code)
                || (SOFT_WORDS.matcher(text).find() && !HARD_WORDS.matcher(text).find())) {
            return Bounce.Kind.SOFT;
        }
        if (code != null && code.startsWith("4")) {
            return Bounce.Kind.SOFT;
        }
        return Bounce.Kind.HARD;
    }

    /** The first enhanced status code of failure (4.x.x or 5.x.x) in the text, else the first 4xx/5xx reply. */
    static String code(String text) {
        Matcher enhanced = ENHANCED.matcher(text);
        while (enhanced.find()) {
            if (!enhanced.group(1).equals("2")) {
                return enhanced.group();
            }
        }
        Matcher reply = REPLY.matcher(text);
        return reply.find() ? reply.group() : null;
    }

    /** The Message-ID of the message that bounced: a Crosscast one anywhere, else the returned headers' one. */
    static String messageId(String text) {
        Matcher crosscast = CROSSCAST_ID.matcher(text);
        if (crosscast.find()) {
            return "<" + crosscast.group(1) + ">";
        }
        Matcher header = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)").matcher(text);
        return header.find() ? header.group(1) : null;
    }

    /** The line that carries the code, or the first line with the usual words. */
    private static String diagnosticLine(String body, String code) {
        for (String line : body.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if ((code != null && trimmed.contains(code))
                    || (code == null
                            && (HARD_WORDS.matcher(trimmed).find()
                                    || SOFT_WORDS.matcher(trimmed).find()))) {
                return trimmed;
            }
        }
        return null;
    }

    private static String unfold(String block) {
        return block.replaceAll("\n[ \t]+", " ");
    }

    private static String field(String fields, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + "\\s*:\\s*(.*)$")
                .matcher(fields);
        return m.find() ? m.group(1).strip() : null;
    }

    private static String address(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(value);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
    }

    private static String firstAddressBut(String body, String from) {
        String sender = address(from);
        Matcher m = ADDRESS.matcher(body);
        while (m.find()) {
            String found = m.group().toLowerCase(Locale.ROOT);
            if (!found.equals(sender) && !found.startsWith("mailer-daemon@") && !found.startsWith("postmaster@")) {
                // not the local part of a Crosscast Message-ID
                if (!CROSSCAST_ID.matcher(found).matches()) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ", ");
        return value == null ? "" : value;
    }

    private static ContentType type(Part part) throws MessagingException {
        String value = part.getContentType();
        if (value == null) {
            return null;
        }
        try {
            return new ContentType(value);
        } catch (ParseException e) {
            return null;
        }
    }

    private static String text(Part part, ContentType type) throws MessagingException, IOException {
        String charset = type == null ? null : type.getParameter("charset");
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(256 * 1024);
            try {
                return new String(
                        bytes, charset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset));
            } catch (RuntimeException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SHORT ? oneLine : oneLine.substring(0, SHORT - 3) + "...";
    }

    /** The bounce's own Message-ID, else a digest of the whole message. */
    private static String key(MimeMessage message) throws MessagingException, IOException {
        String id = message.getHeader("Message-ID", null);
        if (id != null && !id.isBlank()) {
            return shortenKey(id.strip());
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(raw.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortenKey(String id) {
        return id.length() <= 250 ? id : id.substring(0, 250);
    }
}

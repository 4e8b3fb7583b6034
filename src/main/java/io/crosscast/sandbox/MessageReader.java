package io.crosscast.sandbox;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

/**
 * Reads raw messages (RFC 5322 bytes) with Jakarta Mail: the summary the outbox lists, and the HTML part,
 * text part and headers. Parts are decoded here (transfer encoding, then the part's charset, UTF-8 when it
 * names none or an unknown one; CRLF line ends become LF) rather than through Jakarta Activation's content handlers, so reading
 * does not depend on which handlers the server registers. Messages are read leniently: a header that
 * cannot be decoded is shown as it is, never refused.
 */
public final class MessageReader {

    private static final Session SESSION;

    static {
        Properties properties = new Properties();
        // Headers in UTF-8 (SMTPUTF8) as well as RFC 2047 encoded words.
        properties.setProperty("mail.mime.allowutf8", "true");
        SESSION = Session.getInstance(properties);
    }

    private MessageReader() {}

    /** The message of {@code raw} as the outbox lists it (id 0: the store numbers it). */
    public static OutboxMessage summarize(
            byte[] raw, Instant receivedAt, String envelopeFrom, Collection<String> envelopeTo) {
        String from = envelopeFrom == null ? "" : envelopeFrom;
        String to = String.join(", ", envelopeTo);
        String subject = "";
        String messageId = "";
        try {
            MimeMessage message = parse(raw);
            from = addresses(message.getFrom(), from);
            to = addresses(message.getRecipients(MimeMessage.RecipientType.TO), to);
            subject = orEmpty(subject(message));
            messageId = orEmpty(message.getMessageID());
        } catch (MessagingException | RuntimeException e) {
            // A message Jakarta Mail cannot read is still listed, with what the envelope says.
        }
        return new OutboxMessage(0, receivedAt, from, to, subject, raw.length, messageId);
    }

    /** The headers, HTML part and text part of {@code raw}, listed as {@code summary}. */
    public static MessageContent read(OutboxMessage summary, byte[] raw) {
        try {
            MimeMessage message = parse(raw);
            Parts parts = new Parts();
            collect(message, parts);
            return new MessageContent(summary, headers(message), parts.html, parts.text);
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("Unreadable message " + summary.id() + ": " + e.getMessage(), e);
        }
    }

    private static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    private static String subject(MimeMessage message) throws MessagingException {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return message.getHeader("Subject", null);
        }
    }

    private static String addresses(Address[] addresses, String fallback) {
        if (addresses == null || addresses.length == 0) {
            return fallback;
        }
        List<String> shown = new ArrayList<>();
        for (Address address : addresses) {
            shown.add(address instanceof InternetAddress internet ? show(internet) : address.toString());
        }
        return String.join(", ", shown);
    }

    /** {@code Name <address>} without the quotes and escapes of the header form: the page escapes it. */
    private static String show(InternetAddress address) {
        String personal = address.getPersonal();
        return personal == null || personal.isBlank()
                ? address.getAddress()
                : personal + " <" + address.getAddress() + ">";
    }

    private static List<MailHeader> headers(MimeMessage message) throws MessagingException {
        List<MailHeader> headers = new ArrayList<>();
        for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
            Header header = all.nextElement();
            headers.add(new MailHeader(header.getName(), decodeHeader(header.getValue())));
        }
        return headers;
    }

    /** A header value unfolded and with its RFC 2047 encoded words decoded; as it is when it cannot be. */
    static String decodeHeader(String value) {
        if (value == null) {
            return "";
        }
        String unfolded = MimeUtility.unfold(value);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return unfolded;
        }
    }

    private static final class Parts {
        private String html;
        private String text;
    }

    private static void collect(Part part, Parts parts) throws MessagingException, IOException {
        if (parts.html != null && parts.text != null) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = new MimeMultipart(new MimePartDataSource((MimePart) part));
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), parts);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        } else if (parts.html == null && part.isMimeType("text/html")) {
            parts.html = decode((MimePart) part);
        } else if (parts.text == null && part.isMimeType("text/plain")) {
            parts.text = decode((MimePart) part);
        }
    }

    private static String decode(MimePart part) throws MessagingException, IOException {
        try (InputStream in = new MimePartDataSource(part).getInputStream()) {
            // Line ends as the sender wrote them: SMTP carries CRLF.
            return new String(in.readAllBytes(), charset(part)).replace("\r\n", "\n");
        }
    }

    private static Charset charset(MimePart part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            return name == null || name.isBlank()
                    ? StandardCharsets.UTF_8
                    : Charset.forName(MimeUtility.javaCharset(name.trim()));
        } catch (MessagingException | RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

package io.crosscast.sandbox;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounces the sandbox sends back, as a remote mail server would after accepting a message: for test addresses
 * only, a delivery status notification (RFC 3464, Postfix's layout) into the sandbox's bounce mailbox, which the
 * application reads as it would a real one. Every other address is delivered (to the outbox) and never bounces.
 * <ul>
 * <li>hard, 5.1.1 "User unknown": any address at {@value #HARD_DOMAIN}, and {@code user-unknown@} any domain</li>
 * <li>soft, 4.2.2 "Mailbox full": any address at {@value #SOFT_DOMAIN}, and {@code full@} any domain</li>
 * </ul>
 */
public final class SandboxBounces {

    public static final String HARD_DOMAIN = "bounce.crosscast.test";
    public static final String SOFT_DOMAIN = "full.crosscast.test";

    /** What a test address does. */
    public enum Kind {
        HARD("5.1.1", "550 5.1.1 <%s>: Recipient address rejected: User unknown", "failed"),
        SOFT("4.2.2", "452 4.2.2 <%s>: Mailbox full", "delayed");

        final String status;
        final String diagnostic;
        final String action;

        Kind(String status, String diagnostic, String action) {
            this.status = status;
            this.diagnostic = diagnostic;
            this.action = action;
        }
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private SandboxBounces() {}

    /** Whether (and how) mail to this address bounces in the sandbox. */
    public static Optional<Kind> kindOf(String address) {
        String a = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String local = a.substring(0, at);
        String domain = a.substring(at + 1);
        if (domain.equals(HARD_DOMAIN) || local.equals("user-unknown")) {
            return Optional.of(Kind.HARD);
        }
        if (domain.equals(SOFT_DOMAIN) || local.equals("full")) {
            return Optional.of(Kind.SOFT);
        }
        return Optional.empty();
    }

    /** The bounces a received message causes: one per test address among its envelope recipients. */
    public static List<MimeMessage> of(ReceivedMail mail) throws MessagingException {
        List<MimeMessage> bounces = new ArrayList<>();
        for (String recipient : mail.envelopeTo()) {
            Optional<Kind> kind = kindOf(recipient);
            if (kind.isPresent()) {
                bounces.add(dsn(mail, recipient, kind.get()));
            }
        }
        return bounces;
    }

    /** A delivery status notification for one recipient of a received message. */
    static MimeMessage dsn(ReceivedMail mail, String recipient, Kind kind) throws MessagingException {
        String diagnostic = String.format(kind.diagnostic, recipient);
        MimeMessage dsn = new MimeMessage(SESSION);
        try {
            dsn.setFrom(new InternetAddress("MAILER-DAEMON@sandbox.crosscast.test", "Mail Delivery System"));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        if (mail.envelopeFrom() != null && !mail.envelopeFrom().isBlank()) {
            dsn.setRecipients(jakarta.mail.Message.RecipientType.TO, mail.envelopeFrom());
        }
        dsn.setSubject(
                kind == Kind.HARD ? "Undelivered Mail Returned to Sender" : "Delayed Mail (still being retried)");
        dsn.setHeader("Auto-Submitted", "auto-replied");
        dsn.setSentDate(java.util.Date.from(mail.receivedAt()));

        MimeBodyPart notification = new MimeBodyPart();
        notification.setText(
                "This is the mail system of the Crosscast sandbox.\n\n"
                        + (kind == Kind.HARD
                                ? "Your message could not be delivered to one or more recipients.\n\n"
                                : "THIS IS A WARNING ONLY: your message could not be delivered yet.\n\n")
                        + "<" + recipient + ">: " + diagnostic + "\n",
                "us-ascii");

        MimeBodyPart status = new MimeBodyPart();
        String fields = "Reporting-MTA: dns; sandbox.crosscast.test\r\n"
                + "Arrival-Date: "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(mail.receivedAt().atOffset(ZoneOffset.UTC))
                + "\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\n"
                + "Action: " + kind.action + "\r\n"
                + "Status: " + kind.status + "\r\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\r\n";
        status.setDataHandler(new DataHandler(
                new ByteArrayDataSource(fields.getBytes(StandardCharsets.US_ASCII), "message/delivery-status")));

        MimeBodyPart headers = new MimeBodyPart();
        headers.setDataHandler(new DataHandler(new ByteArrayDataSource(
                headerSection(mail.raw()).getBytes(StandardCharsets.ISO_8859_1), "text/rfc822-headers")));

        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        report.addBodyPart(notification);
        report.addBodyPart(status);
        report.addBodyPart(headers);
        dsn.setContent(report);
        dsn.saveChanges();
        // after saveChanges, which gives a Message-ID of its own
        dsn.setHeader(
                "Message-ID",
                "<sandbox-bounce." + mail.receivedAt().toEpochMilli() + "." + SEQUENCE.incrementAndGet()
                        + "@sandbox.crosscast.test>");
        return dsn;
    }

    /** The header section of a raw message (up to the first empty line). */
    static String headerSection(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            end = text.indexOf("\n\n");
        }
        return (end < 0 ? text : text.substring(0, end)) + "\r\n";
    }
}

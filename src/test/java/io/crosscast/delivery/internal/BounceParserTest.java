package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bounce parser on a corpus of real-looking bounces (src/test/resources/io/crosscast/delivery/bounces). */
class BounceParserTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    private static Optional<Bounce> parse(String name) throws Exception {
        try (InputStream in = BounceParserTest.class.getResourceAsStream("/io/crosscast/delivery/bounces/" + name)) {
            assertNotNull(in, name);
            return BounceParser.parse(new MimeMessage(SESSION, in));
        }
    }

    private static Bounce bounce(String name) throws Exception {
        Optional<Bounce> bounce = parse(name);
        assertTrue(bounce.isPresent(), name + " is a bounce");
        return bounce.get();
    }

    @Test
    void postfixUserUnknownIsHardWithItsMessageId() throws Exception {
        Bounce b = bounce("postfix-user-unknown.eml");
        assertEquals(Bounce.Kind.HARD, b.kind());
        assertEquals("5.1.1", b.status());
        assertEquals("jane.doe@example.org", b.recipient());
        assertEquals("<d12.r345.Zk3_xQ-9aB1c@crosscast.example>", b.messageId());
        assertTrue(b.diagnostic().contains("User unknown in virtual mailbox table"), b.diagnostic());
        assertEquals("<20261202091503.3F2A81C0123@mx1.example.org>", b.key());
        assertTrue(b.reason().startsWith("550 5.1.1"), b.reason());
    }

    /** Each file of the corpus: the kind, status, recipient and Message-ID of the copy the bounce returns. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "postfix-delayed.eml, SOFT, 4.2.2, paul@example.net, <d12.r346.Qw7-yT0pLm2x@crosscast.example>",
        "exim-dsn.eml, HARD, 5.0.0, bob@example.com, <d12.r347.Hh2-Kk4_Nn5o@crosscast.example>",
        "gmail-dsn.eml, HARD, 5.1.1, no.such.person@gmail.com, <d12.r348.Gg9-Ff8_Ee7d@crosscast.example>",
        "exchange-ndr.eml, HARD, 5.1.10, alex@contoso.com, <d12.r349.Aa1-Bb2_Cc3d@crosscast.example>",
        "qmail-plain.eml, HARD, 5.1.1, carla@example.info, <d12.r350.Mm4-Nn5_Oo6p@crosscast.example>"
    })
    void eachReportOfTheCorpusIsReadWhole(
            String file, Bounce.Kind kind, String status, String recipient, String messageId) throws Exception {
        Bounce b = bounce(file);
        assertEquals(kind, b.kind());
        assertEquals(status, b.status());
        assertEquals(recipient, b.recipient());
        assertEquals(messageId, b.messageId());
    }

    @Test
    void eximsReasonIsItsDiagnostic() throws Exception {
        assertTrue(bounce("exim-dsn.eml").reason().contains("No such user here"));
    }

    @Test
    void nonStandardMailboxFullWithoutCodeIsSoftAndNamesTheAddress() throws Exception {
        Bounce b = bounce("plain-mailbox-full.eml");
        assertEquals(Bounce.Kind.SOFT, b.kind());
        assertEquals(null, b.status());
        assertEquals("dora@old-isp.example", b.recipient());
        assertEquals(null, b.messageId());
        assertTrue(b.reason().toLowerCase().contains("mailbox is full"), b.reason());
    }

    @Test
    void anAutoReplyIsNoBounce() throws Exception {
        assertTrue(parse("auto-reply.eml").isEmpty());
    }

    @Test
    void aPersonsAnswerIsNoBounceEvenWithBounceWords() throws Exception {
        assertTrue(parse("reply-person.eml").isEmpty());
    }

    @Test
    void aReportOfSuccessIsNoBounce() throws Exception {
        String raw = "From: MAILER-DAEMON@mx.example.org\r\nSubject: Successful Mail Delivery Report\r\n"
                + "Message-ID: <ok.1@mx.example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nDelivered.\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; a@example.org\r\nAction: delivered\r\nStatus: 2.0.0\r\n\r\n--b--\r\n";
        assertTrue(BounceParser.parse(new MimeMessage(SESSION, new java.io.ByteArrayInputStream(raw.getBytes())))
                .isEmpty());
    }

    @Test
    void aVerpAddressNamesTheMessageEvenWhenTheBounceQuotesNothing() throws Exception {
        String raw = "From: MAILER-DAEMON@mx.example.org\r\nTo: bounces+d12.r360.Xy1-Zz2_Ab3c@crosscast.example\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <v.1@mx.example.org>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nSorry.\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; gina@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--b--\r\n";
        Bounce b = BounceParser.parse(new MimeMessage(SESSION, new java.io.ByteArrayInputStream(raw.getBytes())))
                .orElseThrow();
        assertEquals(Bounce.Kind.HARD, b.kind());
        assertEquals("<d12.r360.Xy1-Zz2_Ab3c@verp.invalid>", b.messageId());
        assertEquals("gina@example.org", b.recipient());
    }

    @Test
    void codesAreFoundInText() {
        assertEquals("5.7.1", BounceParser.code("said: 550 5.7.1 blocked"));
        assertEquals("421", BounceParser.code("421 too many connections"));
        assertEquals(null, BounceParser.code("version 1.2.3 released on 2.0.0"));
    }
}

package io.crosscast.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");

    @Test
    void theSummaryHasDecodedAddressesAndSubject() throws Exception {
        MimeMessage message = TestMessages.alternative(TestMessages.session());
        byte[] raw = TestMessages.bytes(message);

        OutboxMessage summary =
                MessageReader.summarize(raw, NOW, "bounce@crosscast.example", List.of("zoe.leroy@example.com"));

        assertEquals(0, summary.id());
        assertEquals(NOW, summary.receivedAt());
        assertEquals("Crosscast Été <offres@crosscast.example>", summary.from());
        assertEquals("zoe.leroy@example.com", summary.to());
        assertEquals(TestMessages.SUBJECT, summary.subject());
        assertEquals(raw.length, summary.size());
        assertEquals(message.getMessageID(), summary.messageId());
        assertTrue(summary.messageId().startsWith("<"));
    }

    @Test
    void theHtmlAndTextPartsOfAnAlternativeAreReadInUtf8() throws Exception {
        byte[] raw = TestMessages.bytes(TestMessages.alternative(TestMessages.session()));

        MessageContent content = MessageReader.read(MessageReader.summarize(raw, NOW, "", List.of()), raw);

        assertEquals(TestMessages.HTML, content.html());
        assertEquals(TestMessages.TEXT, content.text());
        assertEquals("<http://localhost:8080/crosscast/u/abc>", content.header("list-unsubscribe"));
        assertEquals(TestMessages.SUBJECT, content.header("Subject"));
        assertEquals("Crosscast Été <offres@crosscast.example>", content.header("From"));
        assertNull(content.header("X-Missing"));
        assertTrue(content.headers().stream().anyMatch(h -> h.name().equals("Message-ID")));
    }

    @Test
    void aMixedMessageYieldsItsAlternativePartsAndSkipsAttachments() throws Exception {
        Session session = TestMessages.session();
        MimeMessage message = TestMessages.alternative(session);
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setText("<html><body>not the message</body></html>", "UTF-8", "html");
        attachment.setFileName("conditions.html");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(attachment);
        mixed.addBodyPart(body);
        message.setContent(mixed);
        message.saveChanges();
        byte[] raw = TestMessages.bytes(message);

        MessageContent content = MessageReader.read(MessageReader.summarize(raw, NOW, "", List.of()), raw);

        assertEquals(TestMessages.HTML, content.html());
        assertEquals(TestMessages.TEXT, content.text());
    }

    @Test
    void aSinglePartHtmlMessageHasNoTextPart() throws Exception {
        MimeMessage message = new MimeMessage(TestMessages.session());
        message.setSubject("Only HTML");
        message.setText(TestMessages.HTML, "UTF-8", "html");
        message.saveChanges();
        byte[] raw = TestMessages.bytes(message);

        MessageContent content = MessageReader.read(MessageReader.summarize(raw, NOW, "", List.of()), raw);

        assertEquals(TestMessages.HTML, content.html());
        assertNull(content.text());
    }

    @Test
    void aPartWithoutCharsetIsReadAsUtf8AndMissingHeadersComeFromTheEnvelope() {
        String source = "Subject: =?UTF-8?Q?D=C3=A9j=C3=A0?=\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + "Déjà là\r\n";
        byte[] raw = source.getBytes(StandardCharsets.UTF_8);

        OutboxMessage summary =
                MessageReader.summarize(raw, NOW, "app@crosscast.example", List.of("a@example.com", "b@example.com"));
        MessageContent content = MessageReader.read(summary, raw);

        assertEquals("Déjà", summary.subject());
        assertEquals("app@crosscast.example", summary.from());
        assertEquals("a@example.com, b@example.com", summary.to());
        assertEquals("", summary.messageId());
        assertEquals("Déjà là\n", content.text());
        assertNull(content.html());
    }

    @Test
    void aHeaderThatCannotBeDecodedIsShownAsItIs() {
        assertEquals("=?x-unknown?Q?abc?=", MessageReader.decodeHeader("=?x-unknown?Q?abc?="));
        assertEquals("a b", MessageReader.decodeHeader("a\r\n b"));
        assertEquals("", MessageReader.decodeHeader(null));
    }
}

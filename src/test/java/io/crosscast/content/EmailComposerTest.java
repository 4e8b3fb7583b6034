package io.crosscast.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.tracking.token.TrackingToken;
import io.crosscast.tracking.token.TrackingTokens;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class EmailComposerTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String UNSUBSCRIBE = "Se désinscrire";
    private static final String MESSAGE_ID = "<d1.r42.AbCdEfGh@news.example.com>";
    private static final RecipientValues JEAN = new RecipientValues(
            42, "Jérôme", "Dupont", "jerome@example.fr", null, "GOLD", "FR", "fr", LocalDate.of(1980, 1, 2));

    private static final String HTML = """
            <html><head><title>Offre</title></head><body>
            <p>Bonjour {{firstName}} &amp; bienvenue</p>
            <p><a href="https://shop.example.com/offre?x=1&amp;y=2" data-label="Offre">Voir l'offre</a></p>
            <p><a href="mailto:contact@example.com">Écrivez-nous</a></p>
            </body></html>""";

    /** Tracking URLs that say what they are for. */
    private static final TrackingUrls URLS = new TrackingUrls() {
        @Override
        public String open(long recipientId) {
            return "https://t.example.com/o/" + recipientId;
        }

        @Override
        public String click(long recipientId, int linkIndex) {
            return "https://t.example.com/c/" + recipientId + "/" + linkIndex;
        }

        @Override
        public String unsubscribe(long recipientId) {
            return "https://t.example.com/u/" + recipientId;
        }
    };

    private static EmailContent content(String subject, String html, String text) {
        return new EmailContent("Équipe Crosscast", "news@example.com", "contact@example.com", subject, html, text);
    }

    private static EmailComposer composer(String subject, String html, String text) {
        return EmailComposer.compile(content(subject, html, text), UNSUBSCRIBE, URLS, CLOCK);
    }

    @Test
    void composesTheHeaders() throws Exception {
        MimeMessage message = reparse(composer("Offre pour {{firstName}}", HTML, null)
                .compose(SESSION, JEAN, "jerome@example.fr", MESSAGE_ID));

        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertEquals("news@example.com", from.getAddress());
        assertEquals("Équipe Crosscast", from.getPersonal());
        assertTrue(message.getHeader("From")[0].startsWith("=?UTF-8?"), message.getHeader("From")[0]);
        assertArrayEquals(
                new Address[] {new InternetAddress("jerome@example.fr")},
                message.getRecipients(Message.RecipientType.TO));
        assertArrayEquals(new Address[] {new InternetAddress("contact@example.com")}, message.getReplyTo());
        assertEquals("Offre pour Jérôme", message.getSubject());
        assertTrue(message.getHeader("Subject")[0].startsWith("=?UTF-8?"), message.getHeader("Subject")[0]);
        assertEquals(NOW, message.getSentDate().toInstant());
        assertEquals("<https://t.example.com/u/42>", message.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post")[0]);
        assertEquals(MESSAGE_ID, message.getMessageID());
    }

    @Test
    void keepsTheMessageIdWhenSavedAgain() throws Exception {
        MimeMessage message = composer("Hi", HTML, null).compose(SESSION, JEAN, "jerome@example.fr", MESSAGE_ID);
        assertEquals(MESSAGE_ID, message.getMessageID());
        message.saveChanges(); // what Transport.send does
        message.saveChanges();
        assertEquals(MESSAGE_ID, message.getMessageID());
        assertEquals(1, message.getHeader("Message-ID").length);
        assertEquals(MESSAGE_ID, reparse(message).getMessageID());
    }

    @Test
    void aPlainMimeMessageWouldReplaceTheMessageId() throws Exception {
        // The reason for the override: without it, saving makes up a new id.
        MimeMessage plain = new MimeMessage(SESSION);
        plain.setHeader("Message-ID", MESSAGE_ID);
        plain.setText("x");
        plain.saveChanges();
        assertFalse(MESSAGE_ID.equals(plain.getMessageID()));
    }

    @Test
    void bodiesAreAlternativeTextThenHtmlInUtf8() throws Exception {
        MimeMessage message = reparse(composer("Hi", HTML, "Bonjour {{firstName}} & bienvenue")
                .compose(SESSION, JEAN, "jerome@example.fr", MESSAGE_ID));
        assertTrue(message.isMimeType("multipart/alternative"), message.getContentType());
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        assertEquals(2, multipart.getCount());
        BodyPart text = multipart.getBodyPart(0);
        BodyPart html = multipart.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain"), text.getContentType());
        assertTrue(html.isMimeType("text/html"), html.getContentType());
        assertEquals(
                "UTF-8",
                new ContentType(text.getContentType()).getParameter("charset").toUpperCase());
        assertEquals(
                "UTF-8",
                new ContentType(html.getContentType()).getParameter("charset").toUpperCase());
        String textBody = part(message, 0);
        assertTrue(
                textBody.startsWith("Bonjour Jérôme & bienvenue\n\nSe désinscrire: https://t.example.com/u/42"),
                textBody);
        assertTrue(((String) html.getContent()).contains("<p>Bonjour Jérôme &amp; bienvenue</p>"));
        // Named by the composer, not chosen by scanning the content: quoted-printable, which reads back as written.
        assertEquals("quoted-printable", ((MimeBodyPart) text).getEncoding());
        assertEquals("quoted-printable", ((MimeBodyPart) html).getEncoding());
    }

    @Test
    void longLinesAndNonLatinTextSurviveTheTransferEncoding() throws Exception {
        String line = "Ελληνικά 日本語 " + "x".repeat(1200) + " =?= end";
        MimeMessage message = reparse(
                composer("Hi", "<p>" + line + "</p>", line).compose(SESSION, JEAN, "jerome@example.fr", MESSAGE_ID));
        assertTrue(part(message, 0).startsWith(line), "the text part as written");
        assertTrue(
                ((String) ((MimeMultipart) message.getContent()).getBodyPart(1).getContent()).contains(line),
                "the HTML part as written");
    }

    @Test
    void htmlLinksArePersonalTrackingUrls() throws Exception {
        EmailComposer composer = composer("Hi", HTML, null);
        MimeMessage message = reparse(composer.compose(SESSION, JEAN, "jerome@example.fr", MESSAGE_ID));
        Document html = Jsoup.parse(part(message, 1));
        assertEquals(
                List.of(
                        "https://t.example.com/c/42/0",
                        "mailto:contact@example.com",
                        "https://t.example.com/c/42/1", // the hidden honeypot link
                        "https://t.example.com/u/42"),
                html.select("a").eachAttr("href"));
        assertEquals("https://t.example.com/o/42", html.select("img").last().attr("src"));
        assertEquals("Offre", html.title());
        assertFalse(html.outerHtml().contains("data-label"));
        assertFalse(html.outerHtml().contains("{{"), html.outerHtml());
        assertEquals(
                List.of(
                        new TrackedLink(0, "https://shop.example.com/offre?x=1&y=2", "Offre"),
                        new TrackedLink(1, "https://shop.example.com/offre?x=1&y=2", LinkRewriter.HONEYPOT_LABEL)),
                composer.links());
    }

    @Test
    void eachRecipientGetsTheirOwnUrls() throws Exception {
        EmailComposer composer = composer("Hi {{firstName}}", HTML, null);
        RecipientValues marie = new RecipientValues(7, "Marie", null, "marie@example.fr", null, null, null, null, null);
        RenderedEmail forJean = composer.preview(JEAN);
        RenderedEmail forMarie = composer.preview(marie);
        assertEquals("Hi Marie", forMarie.subject());
        assertTrue(forMarie.html().contains("https://t.example.com/c/7/0"), forMarie.html());
        assertFalse(forMarie.html().contains("/42"), forMarie.html());
        assertTrue(forJean.html().contains("https://t.example.com/c/42/0"), forJean.html());
    }

    @Test
    void derivesTheTextFromTheHtmlWhenThereIsNone() throws Exception {
        MimeMessage message = reparse(composer("Hi", HTML, "  ").compose(SESSION, JEAN, "j@example.fr", MESSAGE_ID));
        String text = part(message, 0);
        assertEquals("""
                Bonjour Jérôme & bienvenue

                Voir l'offre (https://t.example.com/c/42/0)

                Écrivez-nous (contact@example.com)

                Se désinscrire (https://t.example.com/u/42)""", text.strip());
    }

    @Test
    void aTextThatHasTheUnsubscribeUrlGetsNoExtraLine() throws Exception {
        EmailComposer composer = composer("Hi", HTML, "Bye: {{unsubscribeUrl}}");
        assertEquals("Bye: https://t.example.com/u/42", composer.preview(JEAN).text());
        assertEquals("Bye: {{unsubscribeUrl}}", composer.textTemplate());
    }

    @Test
    void anHtmlThatHasTheUnsubscribeUrlGetsNoExtraLink() {
        EmailComposer composer = composer("Hi", "<p><a href=\"{{unsubscribeUrl}}\">Stop</a></p>", null);
        assertFalse(composer.htmlTemplate().contains(UNSUBSCRIBE), composer.htmlTemplate());
        assertEquals(
                1,
                Jsoup.parse(composer.preview(JEAN).html())
                        .select("a[href=https://t.example.com/u/42]")
                        .size());
    }

    @Test
    void valuesInAPersonalizedLinkArePercentEncoded() throws Exception {
        RecipientValues jean =
                new RecipientValues(5, "Jean Marc & <Co>", null, "a+b@example.fr", null, null, null, null, null);
        EmailComposer composer = composer(
                "Hi",
                "<p><a href=\"https://exemple.fr/été?m={{email}}&amp;n={{ firstName }}"
                        + "&amp;u={{unsubscribeUrl}}|x\">go</a> {{firstName}}</p>",
                null);
        RenderedEmail email = composer.preview(jean);
        Document html = Jsoup.parse(email.html());
        assertEquals(
                "https://exemple.fr/%C3%A9t%C3%A9?m=a%2Bb%40example.fr&n=Jean%20Marc%20%26%20%3CCo%3E"
                        + "&u=https%3A%2F%2Ft.example.com%2Fu%2F5%7Cx",
                html.selectFirst("a").attr("href"));
        assertTrue(
                email.html().contains("</a> Jean Marc &amp; &lt;Co&gt;</p>"), "outside links values are as they were");
        assertTrue(email.text().contains("Jean Marc & <Co>"), email.text());
        assertTrue(email.text().contains("m=a%2Bb%40example.fr"), email.text());
    }

    @Test
    void valuesAreEscapedInHtmlOnly() throws Exception {
        RecipientValues hostile =
                new RecipientValues(9, "<script>x</script>", null, null, null, null, null, null, null);
        RenderedEmail email = composer("Hi {{firstName}}", "<p>Hi {{firstName}}</p>", "Hi {{firstName}}")
                .preview(hostile);
        assertEquals("Hi <script>x</script>", email.subject());
        assertTrue(email.text().startsWith("Hi <script>x</script>"), email.text());
        assertTrue(email.html().contains("<p>Hi &lt;script&gt;x&lt;/script&gt;</p>"), email.html());
        assertFalse(email.html().contains("<script>"), email.html());
    }

    @Test
    void aLineBreakInAValueCannotSplitTheSubject() throws Exception {
        RecipientValues sneaky =
                new RecipientValues(9, "Jo\r\nBcc: victim@example.com", null, null, null, null, null, null, null);
        EmailComposer composer = composer("Hi {{firstName}}", "<p>x</p>", null);
        MimeMessage message = reparse(composer.compose(SESSION, sneaky, "jo@example.fr", MESSAGE_ID));
        assertEquals("Hi Jo  Bcc: victim@example.com", message.getSubject());
        assertNull(message.getHeader("Bcc"));
        assertEquals(1, message.getAllRecipients().length);
    }

    @Test
    void previewIsWhatIsSent() throws Exception {
        EmailComposer composer = composer("Offre pour {{firstName}}", HTML, null);
        RenderedEmail preview = composer.preview(JEAN);
        MimeMessage message = reparse(composer.compose(SESSION, JEAN, "jerome@example.fr", MESSAGE_ID));
        assertEquals(preview.subject(), message.getSubject());
        assertEquals(preview.text(), part(message, 0));
        assertEquals(preview.html(), part(message, 1));
    }

    @Test
    void noReplyToWhenThereIsNone() throws Exception {
        EmailContent content = new EmailContent(null, "news@example.com", " ", "Hi", "<p>x</p>", null);
        MimeMessage message = reparse(EmailComposer.compile(content, UNSUBSCRIBE, URLS, CLOCK)
                .compose(SESSION, JEAN, "jerome@example.fr", MESSAGE_ID));
        assertNull(message.getHeader("Reply-To"));
        assertEquals("news@example.com", message.getHeader("From")[0]);
    }

    @Test
    void noOneClickPostForAPlainHttpUrl() throws Exception {
        TrackingUrls http = new TrackingUrls() {
            @Override
            public String open(long recipientId) {
                return "http://localhost:8080/o";
            }

            @Override
            public String click(long recipientId, int linkIndex) {
                return "http://localhost:8080/c";
            }

            @Override
            public String unsubscribe(long recipientId) {
                return "http://localhost:8080/u";
            }
        };
        MimeMessage message = EmailComposer.compile(content("Hi", HTML, null), UNSUBSCRIBE, http, CLOCK)
                .compose(SESSION, JEAN, "jerome@example.fr", MESSAGE_ID);
        assertEquals("<http://localhost:8080/u>", message.getHeader("List-Unsubscribe")[0]);
        assertNull(message.getHeader("List-Unsubscribe-Post"));
    }

    @Test
    void worksWithSignedTokens() throws Exception {
        TrackingTokens tokens = new TrackingTokens("k".repeat(32).getBytes(StandardCharsets.US_ASCII));
        long deliveryId = 5;
        TrackingUrls signed = new TrackingUrls() {
            @Override
            public String open(long recipientId) {
                return "https://t.example.com/o/" + tokens.issue(TrackingToken.open(deliveryId, recipientId));
            }

            @Override
            public String click(long recipientId, int linkIndex) {
                return "https://t.example.com/c/"
                        + tokens.issue(TrackingToken.click(deliveryId, recipientId, linkIndex));
            }

            @Override
            public String unsubscribe(long recipientId) {
                return "https://t.example.com/u/" + tokens.issue(TrackingToken.unsubscribe(deliveryId, recipientId));
            }
        };
        String html = "<a href=\"https://a.example\">a</a><a href=\"https://b.example\">b</a>";
        EmailComposer composer = EmailComposer.compile(content("Hi", html, null), UNSUBSCRIBE, signed, CLOCK);
        String messageId = tokens.messageId(deliveryId, JEAN.recipientId(), "news.example.com");
        MimeMessage message = reparse(composer.compose(SESSION, JEAN, "jerome@example.fr", messageId));
        assertEquals(messageId, message.getMessageID());
        List<String> hrefs = Jsoup.parse(part(message, 1)).select("a").eachAttr("href");
        assertEquals(
                Optional.of(TrackingToken.click(5, 42, 1)),
                tokens.verify(hrefs.get(1).substring("https://t.example.com/c/".length())));
        String header = message.getHeader("List-Unsubscribe")[0];
        assertEquals(
                Optional.of(TrackingToken.unsubscribe(5, 42)),
                tokens.verify(header.substring("<https://t.example.com/u/".length(), header.length() - 1)));
    }

    @Test
    void warnsAboutUntrackedLinks() {
        EmailComposer composer = composer("Hi", "<a href=\"https://x.example/{{email}}\">x</a>", null);
        assertEquals(List.of(), composer.links());
        assertEquals(1, composer.warnings().size());
    }

    @Test
    void refusesInvalidContentWithEveryProblem() {
        InvalidContentException e = assertThrows(
                InvalidContentException.class,
                () -> composer("Hi {{prenom}}", "<p>{{> footer}}</p>", "{{#firstName}}"));
        assertEquals(
                List.of(ContentPart.SUBJECT, ContentPart.HTML, ContentPart.TEXT),
                e.problems().stream().map(ContentProblem::part).toList());
    }

    @Test
    void refusesBadAddresses() {
        assertThrows(
                IllegalArgumentException.class,
                () -> EmailComposer.compile(
                        new EmailContent(null, "not an address", null, "Hi", "<p>x</p>", null), UNSUBSCRIBE, URLS));
        assertThrows(
                IllegalArgumentException.class,
                () -> EmailComposer.compile(
                        new EmailContent(null, null, null, "Hi", "<p>x</p>", null), UNSUBSCRIBE, URLS));
        assertThrows(
                IllegalArgumentException.class,
                () -> EmailComposer.compile(
                        new EmailContent(null, "a@example.com", "bad@@example.com", "Hi", "<p>x</p>", null),
                        UNSUBSCRIBE,
                        URLS));
        EmailComposer composer = composer("Hi", "<p>x</p>", null);
        assertThrows(AddressException.class, () -> composer.compose(SESSION, JEAN, "jean at example", MESSAGE_ID));
    }

    @Test
    void refusesBadMessageIds() {
        EmailComposer composer = composer("Hi", "<p>x</p>", null);
        for (String id : List.of(
                "d1@example.com", "<d1@example.com", "<d1 x@example.com>", "<d1@ex>\r\nBcc: x>", "<nodomain>")) {
            assertThrows(
                    IllegalArgumentException.class, () -> composer.compose(SESSION, JEAN, "jean@example.fr", id), id);
        }
    }

    private static MimeMessage reparse(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        String raw = out.toString(StandardCharsets.US_ASCII);
        for (int i = 0; i < raw.length(); i++) {
            assertTrue(raw.charAt(i) < 0x80, "the message on the wire is 7-bit ASCII");
        }
        return new MimeMessage(SESSION, new ByteArrayInputStream(out.toByteArray()));
    }

    /** A body part's text, with the line breaks MIME puts on the wire (CRLF) read back as {@code \n}. */
    private static String part(MimeMessage message, int index) throws MessagingException, IOException {
        return ((String) ((MimeMultipart) message.getContent())
                        .getBodyPart(index)
                        .getContent())
                .replace("\r\n", "\n");
    }
}

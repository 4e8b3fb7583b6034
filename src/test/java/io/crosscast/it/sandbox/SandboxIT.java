package io.crosscast.it.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxMessage;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.sandbox.SandboxStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test server runs the SMTP sandbox (src/build/wildfly/it-sandbox.cli) and its mail session sends to
 * it: a message sent through java:jboss/mail/Crosscast shows up in the outbox, readable, until cleared.
 */
@ExtendWith(ArquillianExtension.class)
class SandboxIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @Resource(lookup = "java:jboss/mail/Crosscast")
    private Session mail;

    @EJB
    private OutboxService outbox;

    @Test
    void theMailSessionSendsToTheRunningSandbox() {
        SandboxStatus status = outbox.status();
        assertTrue(status.enabled(), "crosscast.sandbox is not true on the test server: " + status);
        assertTrue(status.running(), "the sandbox did not start: " + status);
        assertEquals(
                String.valueOf(status.port()),
                mail.getProperty("mail.smtp.port"),
                "the mail session does not send to the sandbox");
    }

    @Test
    void aSentMessageIsListedReadAndCleared() throws Exception {
        String token = UUID.randomUUID().toString();
        String subject = "Sandbox IT " + token + " · Zoé, votre offre d’été";
        String html = "<!DOCTYPE html><html><head><title>Offre</title></head><body><p>Bonjour Zoé " + token
                + "</p><a href=\"http://localhost:8180/crosscast/\">Voir</a></body></html>";
        String text = "Bonjour Zoé " + token + "\nhttp://localhost:8180/crosscast/\n";
        Transport.send(message(token, subject, html, text));

        assertTrue(
                Polling.eventually(PATIENCE, () -> listed(token).isPresent()),
                "the sent message did not reach the outbox within " + PATIENCE);
        OutboxMessage listed = listed(token).orElseThrow();
        assertEquals(subject, listed.subject());
        assertEquals("Zoé Leroy <zoe.leroy-" + token + "@example.com>", listed.to());
        assertTrue(listed.from().contains("offres@crosscast.example"), listed.from());
        assertTrue(listed.messageId().startsWith("<"), listed.messageId());
        assertTrue(outbox.count() >= 1);

        MessageContent content = outbox.read(listed.id()).orElseThrow();
        assertEquals(html, content.html());
        assertEquals(text, content.text());
        assertEquals("<http://localhost:8180/crosscast/u/" + token + ">", content.header("List-Unsubscribe"));
        assertEquals(listed.messageId(), content.header("Message-ID"));
        assertEquals(Optional.of(html), outbox.html(listed.id()));

        assertTrue(outbox.clear() >= 1);
        assertTrue(outbox.find(listed.id()).isEmpty());
        assertTrue(outbox.read(listed.id()).isEmpty());
        assertTrue(listed(token).isEmpty());
    }

    private MimeMessage message(String token, String subject, String html, String text) throws Exception {
        MimeMessage message = new MimeMessage(mail);
        message.setFrom(new InternetAddress("offres@crosscast.example", "Crosscast", "UTF-8"));
        message.setRecipient(
                MimeMessage.RecipientType.TO,
                new InternetAddress("zoe.leroy-" + token + "@example.com", "Zoé Leroy", "UTF-8"));
        message.setSubject(subject, "UTF-8");
        message.setHeader("List-Unsubscribe", "<http://localhost:8180/crosscast/u/" + token + ">");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part(text, "plain"));
        alternative.addBodyPart(part(html, "html"));
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, "UTF-8", subtype);
        return part;
    }

    /** The message whose subject holds {@code token}, among the latest ones (other tests may send too). */
    private Optional<OutboxMessage> listed(String token) {
        return outbox.list(0, 1000).stream()
                .filter(m -> m.subject().contains(token))
                .findFirst();
    }
}

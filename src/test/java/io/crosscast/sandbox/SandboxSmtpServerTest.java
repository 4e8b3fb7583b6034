package io.crosscast.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GreenMail's SMTP server on a free loopback port, sent to with Jakarta Mail (Angus) as the server does. */
class SandboxSmtpServerTest {

    private final OutboxStore outbox = new OutboxStore(100);
    private final SandboxSmtpServer server = new SandboxSmtpServer("127.0.0.1", 0, outbox::add);

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aMessageToSeveralRecipientsIsKeptOnceWithItsEnvelope() throws Exception {
        assertTrue(server.start(), server.problem());
        assertTrue(server.isRunning());
        assertTrue(server.port() > 0);

        Session session = session(false);
        MimeMessage message = TestMessages.alternative(session);
        message.addRecipients(MimeMessage.RecipientType.CC, "paul.martin@example.com");
        Transport.send(message);

        assertEquals(1, outbox.count());
        OutboxMessage received = outbox.page(0, 1).get(0);
        assertEquals(TestMessages.SUBJECT, received.subject());
        assertEquals("zoe.leroy@example.com", received.to());
        assertEquals(message.getMessageID(), received.messageId());
        MessageContent content = outbox.read(received.id()).orElseThrow();
        assertEquals(TestMessages.HTML, content.html());
        assertEquals(TestMessages.TEXT, content.text());
        assertNotNull(content.header("Received"), "GreenMail adds its trace header");
    }

    @Test
    void anyUserAndPasswordAreAccepted() throws Exception {
        assertTrue(server.start(), server.problem());
        Session session = session(true);
        MimeMessage message = TestMessages.alternative(session);
        Transport.send(message, "someone", "any password");
        assertEquals(1, outbox.count());
    }

    @Test
    void aTakenPortIsReportedNotThrown() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            SandboxSmtpServer second = new SandboxSmtpServer("127.0.0.1", taken.getLocalPort(), outbox::add);

            assertFalse(second.start());
            assertFalse(second.isRunning());
            assertTrue(second.problem().contains(String.valueOf(taken.getLocalPort())), second.problem());
            second.stop();
        }
    }

    @Test
    void stoppingClosesThePort() throws Exception {
        assertTrue(server.start(), server.problem());
        int port = server.port();
        server.stop();
        assertFalse(server.isRunning());
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        }
    }

    private Session session(boolean auth) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(server.port()));
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "5000");
        properties.setProperty("mail.smtp.auth", String.valueOf(auth));
        return Session.getInstance(properties);
    }
}

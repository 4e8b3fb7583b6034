package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.sandbox.SandboxSmtpServer;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop without a server: messages sent over SMTP to the sandbox, whose test addresses bounce into its POP3
 * bounce mailbox, read by {@link BounceMailbox} as the application reads it; what was read is deleted.
 */
class BounceMailboxTest {

    private final List<Object> received = new ArrayList<>();
    private final SandboxSmtpServer sandbox = new SandboxSmtpServer("127.0.0.1", 0, 0, received::add);

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void testAddressesBounceIntoTheMailboxAndAreReadOnce() throws Exception {
        assertTrue(sandbox.start(), sandbox.problem());
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(sandbox.port()));
        properties.setProperty("mail.pop3.host", "127.0.0.1");
        properties.setProperty("mail.pop3.port", String.valueOf(sandbox.pop3Port()));
        properties.setProperty("mail.pop3.user", SandboxSmtpServer.BOUNCE_LOGIN);
        Session session = Session.getInstance(properties, new jakarta.mail.Authenticator() {
            @Override
            protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                return new jakarta.mail.PasswordAuthentication(SandboxSmtpServer.BOUNCE_LOGIN, "secret");
            }
        });
        send(session, "ann@example.org", "<d7.r1.AAAAAAAAAAAA@crosscast.test>");
        send(session, "user-unknown@example.org", "<d7.r2.BBBBBBBBBBBB@crosscast.test>");
        // with VERP, and a Message-ID the bounce's copy would not match: the envelope sender names the row
        MimeMessage verp = message(session, "zed@bounce.crosscast.test", "<other.id@crosscast.test>");
        Transport.send(Verp.withEnvelopeFrom(
                verp, Verp.address("bounces@crosscast.test", "<d7.r3.CCCCCCCCCCCC@crosscast.test>")));
        send(session, "full@example.org", "<d7.r4.DDDDDDDDDDDD@crosscast.test>");
        assertEquals(4, received.size(), "every message reaches the outbox");

        BounceSettings settings = new BounceSettings("pop3", Duration.ofSeconds(1), 1, 3, 30, "Not bounces");
        List<Bounce> read = new ArrayList<>();
        BounceMailbox.Reading reading = BounceMailbox.read(session, settings, bounces -> {
            read.addAll(bounces);
            return new BounceRows.Outcome(0, 0, 0, 0, 0);
        });
        assertEquals(3, reading.messages());
        assertEquals(0, reading.notBounces());
        Map<String, Bounce> byId = read.stream().collect(Collectors.toMap(Bounce::messageId, Function.identity()));
        assertEquals(
                Bounce.Kind.HARD,
                byId.get("<d7.r2.BBBBBBBBBBBB@crosscast.test>").kind());
        assertEquals("5.1.1", byId.get("<d7.r2.BBBBBBBBBBBB@crosscast.test>").status());
        assertEquals(
                "user-unknown@example.org",
                byId.get("<d7.r2.BBBBBBBBBBBB@crosscast.test>").recipient());
        assertEquals(
                Bounce.Kind.HARD, byId.get("<d7.r3.CCCCCCCCCCCC@verp.invalid>").kind());
        assertEquals(
                Bounce.Kind.SOFT,
                byId.get("<d7.r4.DDDDDDDDDDDD@crosscast.test>").kind());
        assertEquals("4.2.2", byId.get("<d7.r4.DDDDDDDDDDDD@crosscast.test>").status());

        BounceMailbox.Reading again = BounceMailbox.read(session, settings, bounces -> {
            read.addAll(bounces);
            return new BounceRows.Outcome(0, 0, 0, 0, 0);
        });
        assertEquals(0, again.messages(), "the bounces read were deleted");
    }

    @Test
    void aMessageThatIsNoBounceStaysInAPop3MailboxAndIsNotReadAgain() throws Exception {
        com.icegreen.greenmail.util.GreenMail mailbox = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "pop3"));
        mailbox.start();
        try {
            com.icegreen.greenmail.user.GreenMailUser user = mailbox.setUser("b@crosscast.test", "b", "pw");
            Session plain = Session.getInstance(new Properties());
            for (String name : List.of("auto-reply.eml", "exim-dsn.eml")) {
                try (var in = getClass().getResourceAsStream("/io/crosscast/delivery/bounces/" + name)) {
                    user.deliver(new MimeMessage(plain, in));
                }
            }
            Properties properties = new Properties();
            properties.setProperty("mail.pop3.host", "127.0.0.1");
            properties.setProperty(
                    "mail.pop3.port", String.valueOf(mailbox.getPop3().getPort()));
            properties.setProperty("mail.pop3.user", "b");
            Session session = Session.getInstance(properties, new jakarta.mail.Authenticator() {
                @Override
                protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                    return new jakarta.mail.PasswordAuthentication("b", "pw");
                }
            });
            BounceSettings settings = new BounceSettings("pop3", Duration.ofSeconds(1), 1, 3, 30, "Not bounces");
            List<Bounce> read = new ArrayList<>();
            BounceMailbox.Reading first = BounceMailbox.read(session, settings, bounces -> {
                read.addAll(bounces);
                return new BounceRows.Outcome(bounces.size(), 0, 0, 0, 0);
            });
            assertEquals(2, first.messages());
            assertEquals(1, first.notBounces(), "the auto-reply");
            assertEquals(
                    List.of("<d12.r347.Hh2-Kk4_Nn5o@crosscast.example>"),
                    read.stream().map(Bounce::messageId).toList());

            BounceMailbox.Reading second = BounceMailbox.read(session, settings, bounces -> {
                read.addAll(bounces);
                return new BounceRows.Outcome(bounces.size(), 0, 0, 0, 0);
            });
            assertEquals(0, second.messages(), "the auto-reply is known, the bounce deleted");
            assertEquals(1, read.size());
            assertEquals(1, mailbox.getReceivedMessages().length, "the auto-reply stays in the mailbox");
        } finally {
            mailbox.stop();
        }
    }

    private static void send(Session session, String to, String messageId) throws Exception {
        Transport.send(message(session, to, messageId));
    }

    private static MimeMessage message(Session session, String to, String messageId) throws Exception {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("news@crosscast.test"));
        message.setRecipients(MimeMessage.RecipientType.TO, to);
        message.setSubject("Offer");
        message.setText("Hello");
        message.saveChanges();
        return message;
    }
}

package io.crosscast.sandbox;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where GreenMail delivers: instead of one mailbox per recipient (GreenMail's default creates a user and
 * an IMAP inbox for every address), every message goes once, whatever its number of recipients, to
 * {@code sink} with its envelope. GreenMail asks the handler for a user per RCPT TO address in turn,
 * within one synchronized send, so a message seen just before is the same message to another recipient.
 */
final class OutboxDelivery implements MessageDeliveryHandler, GreenMailUser {

    private final Consumer<ReceivedMail> sink;
    private final Clock clock;
    private MovingMessage lastDelivered;

    OutboxDelivery(Consumer<ReceivedMail> sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public GreenMailUser handle(MovingMessage message, MailAddress recipient) {
        return this;
    }

    @Override
    public void deliver(MovingMessage message) {
        synchronized (this) {
            if (message == lastDelivered) {
                return;
            }
            lastDelivered = message;
        }
        String from =
                message.getReturnPath() == null ? "" : message.getReturnPath().getEmail();
        List<String> to = message.getToAddresses().stream()
                .map(MailAddress::getEmail)
                .sorted()
                .toList();
        sink.accept(new ReceivedMail(clock.instant(), from, to, bytes(message.getMessage())));
    }

    @Override
    public void deliver(MimeMessage message) {
        sink.accept(new ReceivedMail(clock.instant(), "", List.of(), bytes(message)));
    }

    private static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Cannot read a received message", e);
        }
    }

    // The rest of GreenMailUser: the outbox is no account anyone signs in to.

    @Override
    public String getEmail() {
        return "outbox@sandbox.invalid";
    }

    @Override
    public String getLogin() {
        return "outbox";
    }

    @Override
    public void create() {
        // nothing to create: messages go to the sink
    }

    @Override
    public void delete() {
        // nothing to delete
    }

    @Override
    public String getPassword() {
        return "";
    }

    @Override
    public void setPassword(String password) {
        // no password
    }

    @Override
    public void authenticate(String password) {
        // never used: the sandbox accepts any login (authentication disabled)
    }

    @Override
    public String getQualifiedMailboxName() {
        return "outbox";
    }
}

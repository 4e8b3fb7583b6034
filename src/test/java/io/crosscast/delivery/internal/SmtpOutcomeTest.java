package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.delivery.internal.SmtpOutcome.Kind;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class SmtpOutcomeTest {

    @Test
    void aRefusedRecipientIsAPermanentAddressFailure() {
        SendFailedException failure = new SendFailedException(
                "Invalid Addresses", new AddressException("550 5.1.1 <nobody@example.com>: User unknown"));
        SmtpOutcome outcome = SmtpOutcome.of(failure);
        assertEquals(Kind.ADDRESS_REJECTED, outcome.kind());
        assertTrue(outcome.reason().startsWith("550 5.1.1"), outcome.reason());
    }

    @Test
    void aRefusedMessageIsPermanentWithoutBlamingTheAddress() {
        assertEquals(
                Kind.REJECTED,
                SmtpOutcome.of(new SendFailedException("554 5.7.1 Message rejected"))
                        .kind());
    }

    @Test
    void aTemporaryReplyIsDeferred() {
        SendFailedException failure = new SendFailedException(
                "Invalid Addresses", new AddressException("451 4.7.1 Greylisted, try again later"));
        assertEquals(Kind.DEFERRED, SmtpOutcome.of(failure).kind());
        assertEquals(
                Kind.DEFERRED,
                SmtpOutcome.of(new MessagingException("421 4.3.2 Service not available"))
                        .kind());
    }

    @Test
    void noReplyCodeMeansTheConnectionFailed() {
        MessagingException failure = new MessagingException(
                "Couldn't connect to host, port: localhost, 2525", new ConnectException("Connection refused"));
        assertEquals(Kind.CONNECTION_FAILED, SmtpOutcome.of(failure).kind());
    }

    @Test
    void aNumberInsideTheTextIsNotAReplyCode() {
        assertEquals(
                Kind.CONNECTION_FAILED,
                SmtpOutcome.of(new MessagingException("Timeout after 550 ms")).kind());
    }

    @Test
    void longRepliesAreShortenedToOneLine() {
        String reply = "550 5.1.1 " + "x".repeat(800) + "\r\n550 more";
        SmtpOutcome outcome = SmtpOutcome.of(new SendFailedException("Invalid", new AddressException(reply)));
        assertEquals(500, outcome.reason().length());
        assertTrue(!outcome.reason().contains("\n"));
    }
}

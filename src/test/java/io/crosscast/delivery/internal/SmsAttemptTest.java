package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.delivery.internal.SmtpOutcome.Kind;
import org.junit.jupiter.api.Test;

class SmsAttemptTest {

    @Test
    void throttlingAndFullQueuesAreRetriedLater() {
        assertEquals(Kind.DEFERRED, SmsAttempt.refused(0x58, "throttled").kind());
        assertEquals(Kind.DEFERRED, SmsAttempt.refused(0x14, "queue full").kind());
    }

    @Test
    void anInvalidDestinationBlamesTheNumber() {
        SmsAttempt attempt = SmsAttempt.refused(0x0B, "SMSC refused");
        assertEquals(Kind.ADDRESS_REJECTED, attempt.kind());
        assertTrue(attempt.reason().contains("0xb"), attempt.reason());
    }

    @Test
    void otherRefusalsArePermanentForTheMessageOnly() {
        assertEquals(Kind.REJECTED, SmsAttempt.refused(0x45, "submit failed").kind());
    }

    @Test
    void anAcceptedMessageKeepsTheSmscId() {
        SmsAttempt attempt = SmsAttempt.accepted("4f2a");
        assertEquals(Kind.ACCEPTED, attempt.kind());
        assertEquals("4f2a", attempt.messageId());
    }
}

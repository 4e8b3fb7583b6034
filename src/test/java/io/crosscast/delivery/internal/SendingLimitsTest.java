package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SendingLimitsTest {

    private static SendingLimits limits(int maxConnections, int perDomain) {
        return SendingLimits.of(new SendSettings() {
            @Override
            public int maxConnections() {
                return maxConnections;
            }

            @Override
            public int domainConnections() {
                return perDomain;
            }

            @Override
            public double serverMessagesPerSecond() {
                return 0;
            }
        });
    }

    @Test
    void connectionsAreCappedServerWide() throws InterruptedException {
        SendingLimits limits = limits(2, 0);
        assertTrue(limits.tryConnection());
        assertTrue(limits.connection(10));
        assertFalse(limits.tryConnection());
        limits.releaseConnection();
        assertTrue(limits.tryConnection());
    }

    @Test
    void messagesAtOnceToOneDomainAreCapped() throws InterruptedException {
        SendingLimits limits = limits(10, 2);
        SendingLimits.DomainPermit a = limits.domain("a@Gmail.com", 10);
        SendingLimits.DomainPermit b = limits.domain("b@gmail.com ", 10);
        assertNotNull(a);
        assertNotNull(b);
        assertNull(limits.domain("c@GMAIL.COM", 10), "a third message to gmail.com waits");
        assertNotNull(limits.domain("c@orange.fr", 10), "another domain does not");
        a.release();
        assertNotNull(limits.domain("c@gmail.com", 10));
    }

    @Test
    void noDomainLimitByDefault() throws InterruptedException {
        SendingLimits limits = limits(10, 0);
        for (int i = 0; i < 100; i++) {
            assertSame(SendingLimits.DomainPermit.NONE, limits.domain("x@gmail.com", 0));
        }
    }

    @Test
    void theDomainIsWhatFollowsTheLastAt() {
        assertEquals("example.com", SendingLimits.domainOf("\"a@b\"@Example.COM"));
        assertEquals("", SendingLimits.domainOf(null));
    }
}

package io.crosscast.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryPagesTest {

    @Test
    void aNewDeliveryIsAnEmailUnlessTheAddressSaysSms() {
        assertEquals(Channel.SMS, DeliveryPages.parseChannel("SMS"));
        assertEquals(Channel.SMS, DeliveryPages.parseChannel(" sms "));
        assertEquals(Channel.EMAIL, DeliveryPages.parseChannel(null));
        assertEquals(Channel.EMAIL, DeliveryPages.parseChannel("EMAIL"));
        assertEquals(Channel.EMAIL, DeliveryPages.parseChannel("fax"));
    }

    @Test
    void aFinishedSmsReportRefreshesWhileReceiptsAreAwaitedForAnHour() {
        Instant finished = Instant.parse("2026-11-29T10:00:00Z");
        Instant soon = finished.plus(Duration.ofMinutes(5));
        DeliveryStats awaiting = new DeliveryStats(3, 0, 3, 0, 0, 0, 0, 0, 1, 1);
        DeliveryStats settled = new DeliveryStats(3, 0, 3, 0, 0, 0, 0, 0, 2, 1);

        assertTrue(DeliveryPages.awaitsReceipts(Channel.SMS, DeliveryStatus.SENT, finished, awaiting, soon));
        assertTrue(DeliveryPages.awaitsReceipts(Channel.SMS, DeliveryStatus.CANCELLED, finished, awaiting, soon));
        assertFalse(DeliveryPages.awaitsReceipts(Channel.SMS, DeliveryStatus.SENT, finished, settled, soon));
        assertFalse(DeliveryPages.awaitsReceipts(
                Channel.SMS, DeliveryStatus.SENT, finished, awaiting, finished.plus(DeliveryPages.RECEIPT_WATCH)));
        assertFalse(DeliveryPages.awaitsReceipts(
                Channel.EMAIL, DeliveryStatus.SENT, finished, new DeliveryStats(3, 0, 3, 0, 0, 0, 0, 0), soon));
        assertFalse(DeliveryPages.awaitsReceipts(Channel.SMS, DeliveryStatus.DRAFT, null, awaiting, soon));
        assertFalse(DeliveryPages.awaitsReceipts(Channel.SMS, DeliveryStatus.SENT, finished, null, soon));
    }
}

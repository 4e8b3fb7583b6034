package io.crosscast.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeliveryStatsTest {

    @Test
    void receiptsAreSharesOfTheSentMessages() {
        DeliveryStats stats = new DeliveryStats(10, 0, 8, 1, 1, 0, 0, 0, 6, 1);
        assertEquals(0.75, stats.deliveredRate(), 1e-9);
        assertEquals(0.125, stats.undeliveredRate(), 1e-9);
        assertEquals(1, stats.awaitingReceipt());
    }

    @Test
    void emailFiguresHaveNoReceipts() {
        DeliveryStats stats = new DeliveryStats(3, 1, 2, 0, 0, 1, 1, 0);
        assertEquals(0, stats.delivered());
        assertEquals(0, stats.undelivered());
        assertEquals(0.5, stats.openRate(), 1e-9);
        assertEquals(66, stats.progressPercent());
    }

    @Test
    void nothingSentMeansNoRateAndNothingAwaited() {
        DeliveryStats stats = new DeliveryStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(0, stats.deliveredRate());
        assertEquals(0, stats.awaitingReceipt());
        assertEquals(100, stats.progressPercent());
    }
}

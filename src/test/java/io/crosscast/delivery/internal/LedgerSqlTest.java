package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.delivery.DeliveryStats;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LedgerSqlTest {

    @Test
    void theFiguresAreReadInTheOrderOfTheirColumns() {
        long[] ledger = {10, 1, 7, 1, 1, 5, 2};
        long[] tracking = {4, 3, 1};

        assertEquals(new DeliveryStats(10, 1, 7, 1, 1, 4, 3, 1, 5, 2), LedgerSql.stats(ledger, tracking));
    }

    @Test
    void noLedgerRowsOrNoLogsCountAsZeros() {
        assertEquals(new DeliveryStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), LedgerSql.stats(null, null));
        assertEquals(
                new DeliveryStats(3, 0, 3, 0, 0, 0, 0, 0, 0, 0),
                LedgerSql.stats(new long[] {3, 0, 3, 0, 0, 0, 0}, null));
    }

    @Test
    void numbersOfAnyTypeAreReadFromAColumnOn() {
        assertArrayEquals(new long[] {2, 3, 0}, LedgerSql.numbers(new Object[] {99L, 2, new BigDecimal("3"), null}, 1));
    }
}

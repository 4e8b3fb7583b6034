package io.crosscast.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsOutboxStoreTest {

    private static OutboxSms sms(String text) {
        return new OutboxSms(
                0,
                Instant.now(),
                "crosscast",
                "Crosscast",
                "+33612345678",
                text,
                1,
                "GSM-7",
                List.of("00000000000000A1"),
                SmsReceipt.PENDING);
    }

    @Test
    void messagesAreNumberedListedNewestFirstAndBounded() {
        SmsOutboxStore store = new SmsOutboxStore(3);
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, store.add(sms("m" + i)).id());
        }
        assertEquals(3, store.count());
        assertEquals(
                List.of("m5", "m4"),
                store.page(0, 2).stream().map(OutboxSms::text).toList());
        assertEquals(
                List.of("m3"), store.page(2, 2).stream().map(OutboxSms::text).toList());
        assertTrue(store.find(1).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> store.page(0, -1));
        assertThrows(IllegalArgumentException.class, () -> new SmsOutboxStore(0));
    }

    @Test
    void receiptsAreRecordedAndClearingKeepsTheNumbering() {
        SmsOutboxStore store = new SmsOutboxStore(10);
        OutboxSms stored = store.add(sms("hello"));
        assertEquals("00000000000000A1", stored.messageId());
        store.receipt(stored.id(), SmsReceipt.DELIVERED);
        assertEquals(SmsReceipt.DELIVERED, store.find(stored.id()).orElseThrow().receipt());
        assertTrue(SmsReceipt.DELIVERED.sent());
        store.receipt(99, SmsReceipt.FAILED);
        assertEquals(1, store.clear());
        assertEquals(0, store.count());
        assertEquals(2, store.add(sms("again")).id());
    }

    @Test
    void settingsComeFromTheSandboxProperties() {
        assertEquals(
                new SmppSandboxSettings(false, "127.0.0.1", 2775, 20_000, Duration.ofSeconds(1)),
                SmppSandboxSettings.from(name -> null));
        Map<String, String> properties = Map.of(
                "crosscast.sandbox",
                "true",
                "crosscast.sandbox.smpp.port",
                "2875",
                "crosscast.sandbox.keep",
                "500",
                "crosscast.sandbox.smpp.receiptDelay",
                "0");
        assertEquals(
                new SmppSandboxSettings(true, "127.0.0.1", 2875, 500, Duration.ZERO),
                SmppSandboxSettings.from(properties::get));
        assertEquals(
                2775,
                SmppSandboxSettings.from(Map.of("crosscast.sandbox.smpp.port", "x")::get)
                        .port());
    }
}

package io.crosscast.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxStoreTest {

    private static ReceivedMail mail(String subject) {
        String raw = "From: app@crosscast.example\r\nTo: zoe@example.com\r\nSubject: " + subject
                + "\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>" + subject + " " + "é".repeat(500)
                + "</p>\r\n";
        return new ReceivedMail(
                Instant.now(),
                "app@crosscast.example",
                List.of("zoe@example.com"),
                raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void messagesAreNumberedAndListedNewestFirst() {
        OutboxStore store = new OutboxStore(10);
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, store.add(mail("m" + i)).id());
        }
        assertEquals(5, store.count());
        assertEquals(List.of("m5", "m4"), subjects(store.page(0, 2)));
        assertEquals(List.of("m3", "m2"), subjects(store.page(2, 2)));
        assertEquals(List.of("m1"), subjects(store.page(4, 2)));
        assertEquals(List.of(), store.page(5, 2));
        assertThrows(IllegalArgumentException.class, () -> store.page(-1, 2));
    }

    @Test
    void pastTheCapacityTheOldestGo() {
        OutboxStore store = new OutboxStore(3);
        for (int i = 1; i <= 5; i++) {
            store.add(mail("m" + i));
        }
        assertEquals(3, store.count());
        assertEquals(List.of("m5", "m4", "m3"), subjects(store.page(0, 10)));
        assertTrue(store.find(2).isEmpty());
        assertTrue(store.read(1).isEmpty());
        assertEquals("m3", store.find(3).orElseThrow().subject());
    }

    @Test
    void theRawMessageComesBackAsReceivedAndIsStoredCompressed() {
        OutboxStore store = new OutboxStore(10);
        ReceivedMail mail = mail("Déjà");
        OutboxMessage stored = store.add(mail);

        assertArrayEquals(mail.raw(), store.raw(stored.id()).orElseThrow());
        assertEquals(mail.raw().length, stored.size());
        MessageContent content = store.read(stored.id()).orElseThrow();
        assertTrue(content.html().startsWith("<p>Déjà éé"), content.html());
        assertEquals(stored, content.message());
    }

    @Test
    void clearingEmptiesTheOutboxAndNumberingGoesOn() {
        OutboxStore store = new OutboxStore(10);
        store.add(mail("a"));
        store.add(mail("b"));
        assertEquals(2, store.clear());
        assertEquals(0, store.count());
        assertEquals(List.of(), store.page(0, 10));
        assertEquals(3, store.add(mail("c")).id());
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OutboxStore(0));
    }

    private static List<String> subjects(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::subject).toList();
    }
}

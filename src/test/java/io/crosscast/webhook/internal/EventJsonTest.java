package io.crosscast.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.webhook.WebhookEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:15:30Z");

    @Test
    void aRunEnded() {
        assertEquals(
                "{\"id\":\"e1\",\"type\":\"run.finished\",\"createdAt\":\"2026-12-03T10:15:30Z\",\"data\":"
                        + "{\"runId\":7,\"workflowId\":3,\"workflowName\":\"Spring\",\"status\":\"FINISHED\","
                        + "\"endedAt\":\"2026-12-03T10:15:30Z\"}}",
                EventJson.payload("e1", WebhookEvent.RUN_FINISHED, AT, EventJson.run(7, 3, "Spring", "FINISHED", AT)));
        assertEquals(
                "{\"runId\":7,\"workflowId\":3,\"status\":\"FAILED\",\"endedAt\":\"2026-12-03T10:15:30Z\"}",
                EventJson.run(7, 3, null, "FAILED", AT).toString(),
                "a workflow gone meanwhile has no name");
    }

    @Test
    void aDeliveryFinished() {
        assertEquals(
                "{\"deliveryId\":12,\"label\":\"Offer \\\"A\\\"\",\"channel\":\"EMAIL\",\"status\":\"SENT\","
                        + "\"campaignId\":4,\"finishedAt\":\"2026-12-03T10:15:30Z\"}",
                EventJson.delivery(12, "Offer \"A\"", "EMAIL", 4L, null, AT).toString());
    }

    @Test
    void aRecipientUnsubscribed() {
        assertEquals(
                "{\"recipientId\":5,\"email\":\"ann@example.com\",\"channel\":\"EMAIL\",\"deliveryId\":12,"
                        + "\"unsubscribedAt\":\"2026-12-03T10:15:30Z\"}",
                EventJson.unsubscribed(5, "ann@example.com", 12, AT).toString());
    }

    @Test
    void recipientsBounced() {
        assertEquals(
                "{\"deliveryId\":12,\"channel\":\"SMS\",\"quarantinedAt\":\"2026-12-03T10:15:30Z\",\"recipients\":"
                        + "[{\"recipientId\":5,\"reason\":\"550 unknown\"},{\"recipientId\":6}]}",
                EventJson.bounced(
                                12,
                                "SMS",
                                AT,
                                List.of(new EventJson.Bounce(5, "550 unknown"), new EventJson.Bounce(6, null)))
                        .toString());
    }
}

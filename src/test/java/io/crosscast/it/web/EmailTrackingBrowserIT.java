package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient;
import io.crosscast.it.support.Browser;
import io.crosscast.it.support.Polling;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The first half of the seed scenario with real opens and clicks: Query -> Email delivery (an offer link)
 * -> Wait -> Split on behaviour, built through the API. In the browser, the marketer opens some messages in
 * the Outbox (their pixel loads) and clicks links in some; after the Wait the Split sends each recipient to
 * the right subset: neither opened nor clicked / opened but did not click / clicked the offer / the rest.
 */
class EmailTrackingBrowserIT extends BrowserTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void opensAndClicksInTheOutboxDecideTheSplitAfterTheWait() {
        ApiClient api = ApiClient.as(base, "marketer", "marketer");
        String token = "E" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (String name : new String[] {"opener", "offerclicker", "otherclicker", "quiet1", "quiet2", "quiet3"}) {
            assertEquals(
                    201,
                    api.post(
                                    "recipients",
                                    Json.createObjectBuilder()
                                            .add("firstName", name)
                                            .add("lastName", token)
                                            .add("email", name + "." + token + "@example.com")
                                            .add("status", "GOLD")
                                            .build())
                            .status());
        }
        ApiClient.Reply delivery = api.post(
                "deliveries",
                Json.createObjectBuilder()
                        .add("label", "Offer " + token)
                        .add("senderAddress", "shop@example.com")
                        .add("subject", "Your offer, {{firstName}}")
                        .add(
                                "htmlBody",
                                "<p>Hello {{firstName}}</p><p><a href=\"https://shop.example.com/offer\""
                                        + " data-label=\"offer\">See the offer</a></p><p><a href=\"https://shop.example.com/news\">"
                                        + "Read the news</a></p>")
                        .build());
        assertEquals(201, delivery.status(), delivery.body());
        long deliveryId = delivery.json().getJsonNumber("id").longValue();

        // The Wait gives the marketer time to read the messages; then the Split looks at what they did.
        String until = Instant.now().plusSeconds(50).toString();
        String workflow = """
                {"name": "Offer %1$s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%1$s"]}}},
                  {"id": "offer", "type": "emailDelivery", "config": {"delivery": "%2$d", "outbound": "true"}},
                  {"id": "wait", "type": "wait", "config": {"until": "%3$s"}},
                  {"id": "split", "type": "split", "config": {
                     "subset.1.label": "Neither opened nor clicked",
                     "subset.1.condition": {"field": "delivery", "operator": "neither_opened_nor_clicked", "values": []},
                     "subset.2.label": "Did not click",
                     "subset.2.condition": {"field": "delivery", "operator": "did_not_click", "values": []},
                     "subset.3.label": "Clicked the offer",
                     "subset.3.condition": {"trackingLog": {"type": "click", "label": "offer"}},
                     "complement": "true"}},
                  {"id": "e1", "type": "end"}, {"id": "e2", "type": "end"}, {"id": "e3", "type": "end"},
                  {"id": "e4", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "offer"},
                  {"from": "offer", "output": "out", "to": "wait"}, {"from": "wait", "to": "split"},
                  {"from": "split", "output": "subset1", "to": "e1"}, {"from": "split", "output": "subset2", "to": "e2"},
                  {"from": "split", "output": "subset3", "to": "e3"},
                  {"from": "split", "output": "complement", "to": "e4"}]}
                """.formatted(token, deliveryId, until);
        ApiClient.Reply created = api.post("workflows", json(workflow));
        assertEquals(201, created.status(), created.body());
        ApiClient.Reply started = api.post(
                "workflows/" + created.json().getJsonNumber("id").longValue() + "/runs",
                Json.createObjectBuilder().build());
        assertEquals(201, started.status(), started.body());
        long runId = started.json().getJsonNumber("runId").longValue();

        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> "SENT"
                                .equals(api.get("deliveries/" + deliveryId)
                                        .json()
                                        .getString("status"))),
                "the offer is sent");

        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        OutboxReader outbox = new OutboxReader(browser);
        outbox.openPage();
        outbox.open("opener." + token, null);
        outbox.open("offerclicker." + token, null);
        outbox.click("See the offer");
        outbox.open("otherclicker." + token, null);
        outbox.click("Read the news");

        assertTrue(
                Polling.eventually(
                        PATIENCE, () -> "FINISHED".equals(run(api, runId).getString("status"))),
                () -> "the run finishes: " + run(api, runId));
        JsonObject transitions = run(api, runId).getJsonObject("transitions");
        assertEquals(3, count(transitions, "split.subset1>e1"), "neither opened nor clicked: the quiet ones");
        assertEquals(1, count(transitions, "split.subset2>e2"), "opened, did not click: the opener");
        assertEquals(1, count(transitions, "split.subset3>e3"), "clicked the offer");
        assertEquals(1, count(transitions, "split.complement>e4"), "clicked another link");

        JsonObject stats = api.get("deliveries/" + deliveryId + "/stats").json();
        assertEquals(3, stats.getInt("opened"));
        assertEquals(2, stats.getInt("clicked"));
    }

    private static JsonObject run(ApiClient api, long runId) {
        return api.get("runs/" + runId).json();
    }

    private static long count(JsonObject transitions, String id) {
        JsonObject transition = transitions.getJsonObject(id);
        return transition == null || transition.isNull("count")
                ? -1
                : transition.getJsonNumber("count").longValue();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}

package io.crosscast.it.api;

import static io.crosscast.it.api.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient.Reply;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import io.crosscast.sandbox.OutboxMessage;
import io.crosscast.sandbox.OutboxService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Enrichment activity through the REST API, on the real database: recipients created by the API, tracking logs
 * written by hand (people's and a scanner's, recent and old), then a workflow Query -> Enrichment (clicks in the last
 * 30 days, people only and everyone; last click; a copied field) -> exclusive Split on those values, saved, run and
 * read back by the API. Runs inside the server, so that it can write the logs; it calls the API over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class EnrichmentApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    @EJB
    private OutboxService mails;

    private ApiClient api;
    private String token;

    private void client() throws Exception {
        int offset = Integer.getInteger("jboss.socket.binding.port-offset", 0);
        api = ApiClient.as(new URL("http://localhost:" + (8080 + offset) + "/crosscast/"), "marketer", "marketer");
        token = "En" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private long recipient(int i, String country) {
        Reply created = api.post(
                "recipients",
                object().add("firstName", "R" + i)
                        .add("lastName", token)
                        .add("email", token.toLowerCase() + i + "@example.com")
                        .add("country", country)
                        .build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    @Test
    void valuesComputedFromTheTrackingLogsSplitThePopulationAndArePurgedWithTheRun() throws Exception {
        client();
        List<Long> r = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            r.add(recipient(i, i % 2 == 0 ? "FR" : "DE"));
        }
        Instant now = Instant.now();
        Instant recent = now.minus(2, ChronoUnit.DAYS);
        Instant old = now.minus(40, ChronoUnit.DAYS);
        try (Connection c = dataSource.getConnection()) {
            long delivery = delivery(c);
            clicks(c, delivery, r.get(0), 3, "PERSON", recent); // people 3, everyone 3
            clicks(c, delivery, r.get(1), 2, "PERSON", recent); // people 2 (the old ones are out of the window)
            clicks(c, delivery, r.get(1), 2, "PERSON", old);
            clicks(c, delivery, r.get(2), 4, "SCANNER", recent); // people 0, everyone 4
            log(c, delivery, r.get(3), "OPEN", "PERSON", recent); // an open is no click: 0
            clicks(c, delivery, r.get(5), 5, "PERSON", recent); // people 5
            // r4: nothing at all: 0
        }

        JsonObject document = json("""
                {"name": "Enrichment %1$s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%1$s"]}}},
                  {"id": "enrich", "type": "enrichment", "label": "Clicks", "config": {
                     "value.1.name": "clicks30", "value.1.source": "clicks", "value.1.days": "30",
                     "value.2.name": "clicksAll", "value.2.source": "clicks", "value.2.actors": "everyone",
                     "value.3.name": "lastClick", "value.3.source": "lastClick", "value.3.actors": "everyone",
                     "value.4.name": "country", "value.4.source": "recipientField", "value.4.field": "country"}},
                  {"id": "split", "type": "split", "config": {
                     "subset.1.condition": {"field": "enrichment.clicks30", "operator": "greater_than", "values": ["2"]},
                     "subset.2.condition": {"field": "enrichment.clicksAll", "operator": "greater_than", "values": ["2"]},
                     "subset.3.condition": {"logic": "and", "children": [
                        {"field": "enrichment.lastClick", "operator": "in_last_days", "values": ["30"]},
                        {"field": "enrichment.country", "operator": "equals", "values": ["DE"]}]},
                     "complement": "true"}},
                  {"id": "active", "type": "end"}, {"id": "machines", "type": "end"},
                  {"id": "recentDe", "type": "end"}, {"id": "others", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "enrich"}, {"from": "enrich", "to": "split"},
                  {"from": "split", "output": "subset1", "to": "active"},
                  {"from": "split", "output": "subset2", "to": "machines"},
                  {"from": "split", "output": "subset3", "to": "recentDe"},
                  {"from": "split", "output": "complement", "to": "others"}]}
                """.formatted(token));
        Reply saved = api.post("workflows", document);
        assertEquals(201, saved.status(), saved::toString);
        long workflowId = saved.json().getJsonNumber("id").longValue();
        assertEquals(document, saved.json().getJsonObject("document"), "the format keeps the activity as written");

        Reply started = api.post("workflows/" + workflowId + "/runs", object().build());
        assertEquals(201, started.status(), started::toString);
        long runId = started.json().getJsonNumber("runId").longValue();
        JsonObject run = awaitFinished(runId);

        assertEquals(6, count(run, "query.out>enrich"));
        assertEquals(6, count(run, "enrich.out>split"), "the enrichment passes its population on");
        // people's clicks in 30 days > 2: r0 (3) and r5 (5), checked against the logs as classified after the run
        long active = Sql.number(
                dataSource,
                "SELECT COUNT(*) FROM recipient r WHERE r.last_name = ? AND (SELECT COUNT(*) FROM tracking_log t"
                        + " WHERE t.recipient_id = r.id AND t.type = 'CLICK' AND t.actor = 'PERSON'"
                        + " AND t.logged_at >= ?) > 2",
                token,
                OffsetDateTime.ofInstant(now.minus(30, ChronoUnit.DAYS), ZoneOffset.UTC));
        assertEquals(2, active, "the hand-made logs");
        assertEquals(active, count(run, "split.subset1>active"));
        assertEquals(1, count(run, "split.subset2>machines"), "r2: a scanner's 4 clicks count for everyone");
        assertEquals(1, count(run, "split.subset3>recentDe"), "r1: clicked lately, in DE");
        assertEquals(2, count(run, "split.complement>others"), "r3 and r4");
        assertTrue(run.getJsonArray("log").toString().contains("enrichment"), run::toString);

        String population = "runs/" + runId + "/transitions/split.subset2%3Emachines/population";
        Reply machines = api.get(population + "?first=0&pageSize=10");
        assertEquals(200, machines.status(), machines::toString);
        assertEquals(
                r.get(2).longValue(),
                machines.json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue());

        assertEquals(24, values(runId), "4 values for each of the 6 recipients");
        Reply purged = api.delete("runs/" + runId);
        assertTrue(purged.status() / 100 == 2, purged::toString);
        assertEquals(0, values(runId), "the values go with the run");
    }

    @Test
    void anEmailAfterTheEnrichmentCarriesEachRecipientsValue() throws Exception {
        client();
        List<Long> r = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            r.add(recipient(i, "FR"));
        }
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            long clicked = delivery(c);
            clicks(c, clicked, r.get(0), 3, "PERSON", now.minus(1, ChronoUnit.DAYS));
            clicks(c, clicked, r.get(1), 1, "PERSON", now.minus(1, ChronoUnit.DAYS));
            clicks(c, clicked, r.get(1), 2, "PERSON", now.minus(40, ChronoUnit.DAYS)); // out of the window
            // r2: no click: 0
        }
        Reply created = api.post(
                "deliveries",
                object().add("label", "Clicks " + token)
                        .add("senderAddress", "shop@example.com")
                        .add("subject", "{{enrichment.clicks}} clicks for {{firstName}} " + token)
                        .add("htmlBody", "<p>Clicks: {{enrichment.clicks}}.</p><p>None: [{{enrichment.unknown}}]</p>")
                        .build());
        assertEquals(201, created.status(), created::toString);
        long deliveryId = created.json().getJsonNumber("id").longValue();
        JsonObject document = json("""
                {"name": "Enrichment mail %1$s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%1$s"]}}},
                  {"id": "enrich", "type": "enrichment", "config": {
                     "value.1.name": "clicks", "value.1.source": "clicks", "value.1.days": "30"}},
                  {"id": "mail", "type": "emailDelivery", "config": {"delivery": "%2$d"}}],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "enrich"}, {"from": "enrich", "to": "mail"}]}
                """.formatted(token, deliveryId));
        Reply saved = api.post("workflows", document);
        assertEquals(201, saved.status(), saved::toString);
        Reply started =
                api.post("workflows/" + saved.json().getJsonNumber("id").longValue() + "/runs", object().build());
        assertEquals(201, started.status(), started::toString);
        awaitFinished(started.json().getJsonNumber("runId").longValue());

        String expected = "3 clicks for R0 " + token + "|1 clicks for R1 " + token + "|0 clicks for R2 " + token;
        String mailbox = token.toLowerCase();
        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> SandboxMessages.containing(mails, mailbox).size() >= 3),
                "the three messages");
        List<OutboxMessage> received = new ArrayList<>(SandboxMessages.containing(mails, mailbox));
        received.sort(java.util.Comparator.comparing(OutboxMessage::to));
        assertEquals(
                expected,
                String.join("|", received.stream().map(OutboxMessage::subject).toList()),
                "each recipient's own value, in the subject");
        String html = mails.read(received.get(0).id()).orElseThrow().html();
        assertTrue(html.contains("Clicks: 3.") && html.contains("None: []"), html);
    }

    @Test
    void aBadEnrichmentIsReportedAndAConditionOnAValueOutsideARunIsRefused() throws Exception {
        client();
        JsonObject broken = json("""
                {"name": "Broken %s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "enrich", "type": "enrichment", "config": {
                     "value.1.name": "x; DROP TABLE recipient", "value.1.source": "purchases"}},
                  {"id": "end", "type": "end"}],
                 "transitions": [{"from": "start", "to": "enrich"}, {"from": "enrich", "to": "end"}]}
                """.formatted(token));
        Reply checked = api.post("workflows/validate", broken);
        assertEquals(200, checked.status(), checked::toString);
        assertFalse(checked.json().getBoolean("valid"));
        String problems = checked.json().getJsonArray("problems").toString();
        assertTrue(problems.contains("is not a name") && problems.contains("purchases"), problems);

        Reply outside = api.post(
                "recipients/search",
                ApiClient.withCondition(ApiClient.rule("enrichment.clicks30", "greater_than", "2")));
        assertEquals(400, outside.status(), outside::toString);
        assertTrue(outside.body().contains("enrichment.clicks30"), outside::toString);
    }

    private long values(long runId) {
        return Sql.number(dataSource, "SELECT COUNT(*) FROM enrichment_value WHERE run_id = ?", runId);
    }

    private long delivery(Connection c) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO delivery (label, channel, status, created_at, updated_at) VALUES (?, 'EMAIL', 'SENT', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "Enrichment " + token);
            insert.setObject(2, now);
            insert.setObject(3, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void clicks(Connection c, long delivery, long recipient, int n, String actor, Instant at)
            throws SQLException {
        for (int i = 0; i < n; i++) {
            log(c, delivery, recipient, "CLICK", actor, at.minus(i, ChronoUnit.HOURS));
        }
    }

    private void log(Connection c, long delivery, long recipient, String type, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tracking_log"
                + " (delivery_id, recipient_id, type, url, logged_at, user_agent, request_method, actor, actor_reason)"
                + " VALUES (?, ?, ?, ?, ?, 'Mozilla/5.0', 'GET', ?, 'TEST')")) {
            insert.setLong(1, delivery);
            insert.setLong(2, recipient);
            insert.setString(3, type);
            insert.setString(4, "CLICK".equals(type) ? "https://shop.example.com/" + at.toEpochMilli() : null);
            insert.setObject(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(6, actor);
            insert.executeUpdate();
        }
    }

    private JsonObject awaitFinished(long runId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Reply reply = api.get("runs/" + runId);
            assertEquals(200, reply.status(), reply::toString);
            JsonObject run = reply.json();
            String status = run.getString("status");
            if ("FINISHED".equals(status)) {
                return run;
            }
            assertFalse("FAILED".equals(status), run::toString);
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " did not finish: " + run);
            }
            Thread.sleep(200);
        }
    }

    private static long count(JsonObject run, String transitionId) {
        JsonObject transition = run.getJsonObject("transitions").getJsonObject(transitionId);
        assertTrue(
                transition != null && transition.getBoolean("fired"),
                () -> "transition " + transitionId + " did not fire: " + run.getJsonObject("transitions"));
        return transition.getJsonNumber("count").longValue();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}

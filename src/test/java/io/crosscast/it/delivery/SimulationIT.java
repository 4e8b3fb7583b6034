package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.LocalApi;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.tracking.TrackingRecorder;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Simulation ("dry run", #15): the seed workflow (Query -> offer -> Wait -> Split -> reminder / SMS / List update)
 * simulated with a CSV script of opens and clicks, then run for real with the same opens and clicks made on the
 * tracking URLs of the received messages: every transition carries as many recipients in both. The simulation
 * sends nothing and writes no ledger, tracking log or list; starting for real discards it. Rates and a bad script
 * are checked on the same workflow.
 */
@ExtendWith(ArquillianExtension.class)
class SimulationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern OFFER = Pattern.compile("href=\"([^\"]+/t/c/[^\"]+)\"[^>]*>See the offer");
    private static final Pattern PIXEL = Pattern.compile("<img[^>]+src=\"([^\"]+/t/o/[^\"]+)\"");

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private OutboxService mails;

    @EJB
    private TrackingRecorder tracking;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    private final LocalApi local = LocalApi.asMarketer();

    /** The seed workflow of a fresh audience: its id, its token, its deliveries. */
    private record Seed(long workflow, String token, String phones, long offer, long reminder, long sms) {}

    private Seed seed(Duration wait) throws Exception {
        String token = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String phones = "+3368" + (100 + ThreadLocalRandom.current().nextInt(899));
        for (int i = 0; i < 10; i++) {
            String status = i == 9 ? "SILVER" : "GOLD";
            var body = Json.createObjectBuilder()
                    .add("firstName", "G" + i)
                    .add("lastName", token)
                    .add("email", "g" + i + "." + token + "@example.com")
                    .add("status", status);
            if (i != 8) {
                body.add("mobilePhone", phones + String.format("%04d", 1001 + i));
            }
            assertEquals(
                    201, call("POST", "recipients", body.build().toString()).statusCode());
        }
        long offer = id(call(
                "POST",
                "deliveries",
                delivery(
                        "Offer " + token,
                        "Your Gold offer, {{firstName}}",
                        "<p>Hello {{firstName}}</p><p><a href=\\\"https://shop.example.com/offer\\\" data-label=\\\"offer\\\">See the offer</a></p>"
                                + "<p><a href=\\\"https://shop.example.com/stores\\\">Our stores</a></p>")));
        long reminder = id(
                call(
                        "POST",
                        "deliveries",
                        delivery(
                                "Reminder " + token,
                                "Don't miss your offer, {{firstName}}",
                                "<p>{{firstName}}, your offer ends soon: <a href=\\\"https://shop.example.com/offer\\\">see it</a></p>")));
        long sms = id(
                call(
                        "POST",
                        "deliveries",
                        "{\"label\": \"SMS " + token + "\", \"channel\": \"SMS\","
                                + " \"senderName\": \"Crosscast\", \"textBody\": \"{{firstName}}, votre offre Gold vous attend !\"}"));
        String until = Instant.now().plus(wait).toString();
        String workflow = """
                {"name": "Simulated %1$s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition": {"logic": "and", "children": [
                     {"field": "lastName", "operator": "equals", "values": ["%1$s"]},
                     {"field": "status", "operator": "equals", "values": ["GOLD"]},
                     {"field": "email", "operator": "is_not_empty", "values": []},
                     {"field": "mobilePhone", "operator": "is_not_empty", "values": []}]}}},
                  {"id": "offer", "type": "emailDelivery", "config": {"delivery": "%2$d", "outbound": "true"}},
                  {"id": "wait", "type": "wait", "config": {"until": "%5$s"}},
                  {"id": "split", "type": "split", "config": {
                     "subset.1.label": "Neither opened nor clicked",
                     "subset.1.condition": {"field": "delivery", "operator": "neither_opened_nor_clicked"},
                     "subset.2.label": "Did not click",
                     "subset.2.condition": {"field": "delivery", "operator": "did_not_click"},
                     "subset.3.label": "Clicked the offer",
                     "subset.3.condition": {"trackingLog": {"type": "click", "label": "offer", "delivery": "incoming"}}}},
                  {"id": "reminder", "type": "emailDelivery", "config": {"delivery": "%3$d"}},
                  {"id": "sms", "type": "smsDelivery", "config": {"delivery": "%4$d"}},
                  {"id": "list", "type": "listUpdate", "config": {"list": "Offer clickers %1$s", "outbound": "true"}},
                  {"id": "end", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "offer"},
                  {"from": "offer", "output": "out", "to": "wait"}, {"from": "wait", "to": "split"},
                  {"from": "split", "output": "subset1", "to": "reminder"},
                  {"from": "split", "output": "subset2", "to": "sms"},
                  {"from": "split", "output": "subset3", "to": "list"},
                  {"from": "list", "output": "out", "to": "end"}]}
                """.formatted(token, offer, reminder, sms, until);
        HttpResponse<String> created = call("POST", "workflows", workflow);
        assertEquals(201, created.statusCode(), created.body());
        return new Seed(id(created), token, phones, offer, reminder, sms);
    }

    /**
     * The script of the seed scenario: of the 8 targeted (g0..g7), g0 and g1 open, g3 and g4 open and click the
     * offer, g5 clicks it with images blocked (no open), g6 clicks the stores only, g2 and g7 do nothing.
     */
    private static String script(Seed seed) {
        String offer = "Offer " + seed.token();
        StringBuilder csv = new StringBuilder("email,delivery,action,link\n");
        for (int i : new int[] {0, 1, 3, 4}) {
            csv.append(email(seed, i)).append(',').append(offer).append(",open,\n");
        }
        for (int i : new int[] {3, 4, 5}) {
            csv.append(email(seed, i)).append(',').append(seed.offer()).append(",click,offer\n");
        }
        csv.append(email(seed, 6)).append(',').append(offer).append(",CLICK,https://shop.example.com/stores\n");
        return csv.toString();
    }

    private static String email(Seed seed, int i) {
        return "G" + i + "." + seed.token() + "@Example.com"; // any case
    }

    @Test
    void aScriptedSimulationCountsWhatTheRealRunDoesAndWritesNothing() throws Exception {
        Seed seed = seed(Duration.ofSeconds(35));
        HttpResponse<String> simulated = call(
                "POST",
                "workflows/" + seed.workflow() + "/simulations",
                Json.createObjectBuilder().add("script", script(seed)).build().toString());
        assertEquals(201, simulated.statusCode(), simulated.body());
        long simulation = json(simulated.body()).getJsonNumber("runId").longValue();
        assertTrue(
                Polling.eventually(Duration.ofSeconds(60), () -> "FINISHED".equals(status(simulation))),
                () -> "the simulation finished at once, its Wait passed: " + run(simulation));
        Map<String, Long> simulatedCounts = counts(simulation);
        assertEquals(8, simulatedCounts.get("query.out>offer"));
        assertEquals(2, simulatedCounts.get("split.subset1>reminder"), "neither opened nor clicked: g2, g7");
        assertEquals(2, simulatedCounts.get("split.subset2>sms"), "opened, did not click: g0, g1");
        assertEquals(3, simulatedCounts.get("split.subset3>list"), "clicked the offer: g3, g4, g5");
        assertTrue(run(simulation).contains("SIMULATION"), "the log says it: " + run(simulation));

        // nothing left: no ledger, no tracking log, no list, no message
        long[] deliveries = {seed.offer(), seed.reminder(), seed.sms()};
        for (long delivery : deliveries) {
            assertEquals(0, sql("SELECT COUNT(*) FROM delivery_message WHERE delivery_id = ?", delivery));
            assertEquals(0, sql("SELECT COUNT(*) FROM tracking_log WHERE delivery_id = ?", delivery));
            assertEquals(0, sql("SELECT COUNT(*) FROM delivery WHERE id = ? AND status <> 'DRAFT'", delivery));
        }
        assertEquals(0, sql("SELECT COUNT(*) FROM recipient_list WHERE name = ?", "Offer clickers " + seed.token()));
        assertEquals(
                0,
                SandboxMessages.withSubject(mails, "Your Gold offer", seed.token())
                        .size(),
                "no email left");
        assertEquals(
                8 + 2 + 2 + 4 + 4,
                sql("SELECT COUNT(*) FROM simulated_hit WHERE run_id = ?", simulation),
                "8 + 2 + 2 would be sent (offer, reminder, SMS), 4 opens, 4 clicks");

        // for real, with the same opens and clicks on the tracking URLs
        HttpResponse<String> started = call("POST", "workflows/" + seed.workflow() + "/runs", "{}");
        assertEquals(201, started.statusCode(), started.body());
        long runId = json(started.body()).getJsonNumber("runId").longValue();
        assertEquals(404, call("GET", "runs/" + simulation, null).statusCode(), "starting discarded the simulation");
        assertEquals(0, sql("SELECT COUNT(*) FROM simulated_hit WHERE run_id = ?", simulation));
        List<MessageContent> offers = received("Your Gold offer", seed.token(), 8);
        for (int i = 0; i < 8; i++) {
            String html = offers.get(i).html();
            if (i < 2 || i == 3 || i == 4) {
                hit(first(PIXEL, html));
            }
            if (i >= 3 && i <= 5) {
                hit(first(OFFER, html));
            }
            if (i == 6) {
                hit(first(Pattern.compile("href=\"([^\"]+/t/c/[^\"]+)\"[^>]*>Our stores"), html));
            }
        }
        tracking.flush();
        assertTrue(
                Polling.eventually(PATIENCE, () -> "FINISHED".equals(status(runId))), () -> "finished: " + run(runId));
        Map<String, Long> realCounts = counts(runId);
        assertEquals(realCounts, simulatedCounts, "every transition carried as many in the simulation");
        assertEquals(
                3,
                sql(
                        "SELECT COUNT(*) FROM list_member m JOIN recipient_list l ON l.id = m.list_id WHERE l.name = ?",
                        "Offer clickers " + seed.token()));
    }

    @Test
    void ratesDrawOpensAndClicksAndABadScriptIsRefusedLineByLine() throws Exception {
        Seed seed = seed(Duration.ofDays(3));
        String rates = "{\"seed\": 7, \"rates\": {\"" + seed.offer() + "\": {\"opens\": 100, \"clicks\": {}}}}";
        long everyoneOpens = simulate(seed, rates);
        Map<String, Long> opened = counts(everyoneOpens);
        assertEquals(0, opened.get("split.subset1>reminder"));
        assertEquals(8, opened.get("split.subset2>sms"), "everyone opened, nobody clicked, three days passed at once");

        long everyoneClicks =
                simulate(seed, "{\"rates\": {\"" + seed.offer() + "\": {\"opens\": 0, \"clicks\": {\"offer\": 100}}}}");
        assertEquals(8, counts(everyoneClicks).get("split.subset3>list"));
        assertNotEquals(everyoneOpens, everyoneClicks);
        assertEquals(404, call("GET", "runs/" + everyoneOpens, null).statusCode(), "simulating again discards");

        String bad = "email,delivery,action,link\n" + email(seed, 0) + ",Offer " + seed.token() + ",open,\n"
                + "nobody,Offer " + seed.token() + ",open,\n"
                + email(seed, 1) + ",Unknown delivery,open,\n"
                + email(seed, 2) + ",Offer " + seed.token() + ",click,nowhere\n"
                + email(seed, 3) + ",Offer " + seed.token() + ",jump,\n";
        HttpResponse<String> refused = call(
                "POST",
                "workflows/" + seed.workflow() + "/simulations",
                Json.createObjectBuilder().add("script", bad).build().toString());
        assertEquals(400, refused.statusCode(), refused.body());
        for (String line : List.of("Line 3", "Line 4", "Line 5", "Line 6")) {
            assertTrue(refused.body().contains(line), line + " in " + refused.body());
        }
        assertTrue(!refused.body().contains("Line 2"), refused.body());
        assertEquals(
                200, call("GET", "runs/" + everyoneClicks, null).statusCode(), "a refused script discards nothing");
        assertEquals(
                204,
                call("DELETE", "workflows/" + seed.workflow() + "/simulations", null)
                        .statusCode());
        assertEquals(404, call("GET", "runs/" + everyoneClicks, null).statusCode());
    }

    private long simulate(Seed seed, String body) throws Exception {
        HttpResponse<String> simulated = call("POST", "workflows/" + seed.workflow() + "/simulations", body);
        assertEquals(201, simulated.statusCode(), simulated.body());
        long runId = json(simulated.body()).getJsonNumber("runId").longValue();
        assertTrue(
                Polling.eventually(Duration.ofSeconds(60), () -> "FINISHED".equals(status(runId))),
                () -> "finished: " + run(runId));
        return runId;
    }

    private Map<String, Long> counts(long runId) {
        JsonObject transitions = json(run(runId)).getJsonObject("transitions");
        Map<String, Long> counts = new TreeMap<>();
        transitions.keySet().forEach(id -> counts.put(id, count(transitions, id)));
        return counts;
    }

    private static String delivery(String label, String subject, String html) {
        return "{\"label\": \"" + label + "\", \"senderAddress\": \"shop@example.com\", \"subject\": \""
                + subject.replace("'", "\\u0027") + "\", \"htmlBody\": \"" + html + "\"}";
    }

    private List<MessageContent> received(String subject, String token, int count) {
        return SandboxMessages.receivedWithSubject(mails, subject, token, count, PATIENCE);
    }

    private static String first(Pattern pattern, String html) {
        return SandboxMessages.first(pattern, html);
    }

    private void hit(String url) {
        local.hit(url);
    }

    private String status(long runId) {
        return json(run(runId)).getString("status");
    }

    private String run(long runId) {
        try {
            return call("GET", "runs/" + runId, null).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> call(String method, String path, String body)
            throws IOException, InterruptedException {
        return local.call(method, path, body);
    }

    private static long id(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return json(response.body()).getJsonNumber("id").longValue();
    }

    private static JsonObject json(String text) {
        return LocalApi.json(text);
    }

    private static long count(JsonObject transitions, String id) {
        JsonObject t = transitions.getJsonObject(id);
        return t == null || t.isNull("count") ? -1 : t.getJsonNumber("count").longValue();
    }

    private long sql(String query, Object parameter) {
        return Sql.number(dataSource, query, parameter);
    }
}

package io.crosscast.it.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.LocalApi;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import io.crosscast.workflow.LeftBehind;
import io.crosscast.workflow.RecipientPath;
import io.crosscast.workflow.RunFlow;
import io.crosscast.workflow.WorkflowService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where everyone went (issue #15), on a run built through the REST API: Query (9 recipients) -> Email delivery
 * excluding one without an address, two opted out and one quarantined -> Split whose only subset takes those
 * the offer reached and did not open: the four excluded are in no subset. The counts per reason, the lists,
 * and the path of chosen recipients are checked against the ledger, written by hand in SQL; then with the
 * populations marked purged.
 */
@ExtendWith(ArquillianExtension.class)
class WhereDidEveryoneGoIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private WorkflowService workflows;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    private final LocalApi local = LocalApi.asMarketer();

    @Test
    void countsAndListsWhoWasNotPassedOnAndWhy() throws Exception {
        String token = "E" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            var body = Json.createObjectBuilder().add("firstName", "P" + i).add("lastName", token);
            if (i != 0) {
                body.add("email", "p" + i + "." + token + "@example.com"); // P0: no address
            }
            body.add("emailOptOut", i == 1 || i == 2); // P1, P2: opted out
            HttpResponse<String> created =
                    call("POST", "recipients", body.build().toString());
            ids.add(id(created));
        }
        quarantine(ids.get(3)); // P3: quarantined
        long offer = id(call(
                "POST",
                "deliveries",
                "{\"label\": \"Offer " + token + "\", \"senderAddress\": \"shop@example.com\", \"subject\": \"Offer\","
                        + " \"htmlBody\": \"<p>Hello {{firstName}}</p>\"}"));
        String workflow = """
                {"name": "Flow %1$s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%1$s"]}}},
                  {"id": "offer", "type": "emailDelivery", "config": {"delivery": "%2$d", "outbound": "true"}},
                  {"id": "split", "type": "split", "config": {
                     "subset.1.label": "Did not open",
                     "subset.1.condition": {"field": "delivery", "operator": "neither_opened_nor_clicked"}}},
                  {"id": "end", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "offer"},
                  {"from": "offer", "output": "out", "to": "split"},
                  {"from": "split", "output": "subset1", "to": "end"}]}
                """.formatted(token, offer);
        HttpResponse<String> created = call("POST", "workflows", workflow);
        HttpResponse<String> started = call("POST", "workflows/" + id(created) + "/runs", "{}");
        assertEquals(201, started.statusCode(), started.body());
        long runId = json(started.body()).getJsonNumber("runId").longValue();
        assertTrue(
                Polling.eventually(
                        PATIENCE, () -> "FINISHED".equals(workflows.view(runId).status())),
                () -> "finished: " + workflows.view(runId));

        RunFlow flow = workflows.flow(runId);
        long sent = Sql.number(
                dataSource,
                "SELECT COUNT(*) FROM delivery_message m JOIN delivery d ON d.id = m.delivery_id"
                        + " WHERE d.run_id = ? AND m.status <> 'EXCLUDED'",
                runId);
        assertEquals(5, sent, "P4 to P8 were sent the offer");

        RunFlow.ActivityFlow query = flow.activities().get("query");
        assertEquals(9, query.passedOn());
        assertEquals(0L, query.left(), "a Query passes on all it found");

        RunFlow.ActivityFlow delivery = flow.activities().get("offer");
        assertEquals(9, delivery.received());
        assertEquals(9, delivery.passedOn(), "a delivery passes its whole population on");
        assertEquals(
                Map.of("NO_ADDRESS", 1L, "OPTED_OUT", 2L, "QUARANTINED", 1L),
                delivery.excluded(),
                "excluded by reason");
        assertEquals(4, delivery.missing());

        RunFlow.ActivityFlow split = flow.activities().get("split");
        assertEquals(9, split.received());
        assertEquals(sent, split.passedOn(), "the subset took those who got the offer");
        assertEquals(9 - sent, split.left(), "in no subset: the excluded");
        assertEquals(4, split.missing());
        assertTrue(!flow.activities().containsKey("end"), "an End passes nothing on by design");

        // The lists: a page at a time, in recipient id order, with why.
        LeftBehind.Page firstPage = workflows.leftBehind(runId, "split", 0, 3);
        assertEquals(4, firstPage.total());
        assertEquals(
                ids.subList(0, 3),
                firstPage.items().stream().map(LeftBehind::recipientId).toList());
        assertTrue(firstPage.items().stream().allMatch(l -> RunFlow.IN_NO_SUBSET.equals(l.reason())));
        LeftBehind.Page secondPage = workflows.leftBehind(runId, "split", 3, 3);
        assertEquals(
                List.of(ids.get(3)),
                secondPage.items().stream().map(LeftBehind::recipientId).toList());
        assertEquals("P3", secondPage.items().get(0).firstName());

        LeftBehind.Page excluded = workflows.leftBehind(runId, "offer", 0, 10);
        assertEquals(4, excluded.total());
        assertEquals(
                Map.of(
                        ids.get(0), "NO_ADDRESS",
                        ids.get(1), "OPTED_OUT",
                        ids.get(2), "OPTED_OUT",
                        ids.get(3), "QUARANTINED"),
                excluded.items().stream().collect(Collectors.toMap(LeftBehind::recipientId, LeftBehind::reason)));
        assertEquals(0, workflows.leftBehind(runId, "query", 0, 10).total());

        // The path of an opted-out recipient: found by email, reached the delivery, excluded, in no subset.
        long optedOut = workflows
                .recipientByEmail("P1." + token.toUpperCase() + "@EXAMPLE.COM")
                .orElseThrow();
        assertEquals(ids.get(1), optedOut, "an email in any case finds its recipient");
        List<RecipientPath> paths = workflows.recipientPath(optedOut, null);
        assertEquals(List.of(runId), paths.stream().map(RecipientPath::runId).toList());
        RecipientPath path = paths.get(0);
        assertEquals(List.of("query", "offer", "split"), steps(path));
        RecipientPath.Step offerStep = step(path, "offer");
        assertEquals("EXCLUDED", offerStep.deliveryStatus());
        assertEquals("OPTED_OUT", offerStep.exclusion());
        RecipientPath.Step splitStep = step(path, "split");
        assertEquals(List.of(), splitStep.subsets());
        assertEquals(Boolean.FALSE, splitStep.passedOn(), "in no subset");

        // The path of one who got the offer: the subset took them to the End.
        RecipientPath reached = workflows.recipientPath(ids.get(6), runId).get(0);
        assertEquals(List.of("query", "offer", "split", "end"), steps(reached));
        assertEquals("SENT", step(reached, "offer").deliveryStatus());
        assertNull(step(reached, "offer").exclusion());
        assertEquals(List.of("Did not open"), step(reached, "split").subsets());
        assertEquals(List.of(), workflows.recipientPath(ids.get(6), runId + 1_000_000));

        // Populations purged by retention: who was in no subset is no longer known, the ledger still is.
        update("UPDATE workflow_run SET populations_purged_at = ? WHERE id = ?", Timestamp.from(Instant.now()), runId);
        RunFlow purged = workflows.flow(runId);
        assertTrue(purged.purged());
        assertNull(purged.activities().get("split").left());
        assertEquals(4, purged.activities().get("offer").missing());
        RecipientPath afterPurge = workflows.recipientPath(optedOut, null).get(0);
        assertTrue(afterPurge.purged());
        assertEquals("OPTED_OUT", step(afterPurge, "offer").exclusion());
    }

    private static List<String> steps(RecipientPath path) {
        return path.steps().stream().map(RecipientPath.Step::activityId).toList();
    }

    private static RecipientPath.Step step(RecipientPath path, String activityId) {
        return path.steps().stream()
                .filter(s -> s.activityId().equals(activityId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(activityId + " in " + path));
    }

    private void quarantine(long recipientId) throws SQLException {
        update(
                "UPDATE recipient SET email_quarantined_at = ?, email_quarantine_reason = 'test' WHERE id = ?",
                Timestamp.from(Instant.now()),
                recipientId);
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, s.executeUpdate(), sql);
        }
    }

    private HttpResponse<String> call(String method, String path, String body) {
        return local.call(method, path, body);
    }

    private static long id(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return json(response.body()).getJsonNumber("id").longValue();
    }

    private static JsonObject json(String text) {
        return LocalApi.json(text);
    }
}

package io.crosscast.it.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.MembershipStatus;
import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientPage;
import io.crosscast.audience.RecipientService;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.OwnDeployment;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.Sql;
import io.crosscast.it.support.TestDocuments;
import io.crosscast.platform.Datasources;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.WorkflowException;
import io.crosscast.workflow.WorkflowService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real runs on the real database, moved on by Quartz: Query -> exclusive Split with a complement, a Wait
 * resumed by the scheduler, a failing activity. Transition counts are checked against hand-written SQL.
 */
@OwnDeployment
@ExtendWith(ArquillianExtension.class)
class WorkflowRunIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Deployment
    static WebArchive deployment() {
        return Deployments.crosscast(WorkflowRunIT.class, FailOnceActivity.class);
    }

    @EJB
    private WorkflowService workflows;

    @EJB
    private RecipientService recipients;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    private String token;

    @BeforeEach
    void recipients() {
        token = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        MembershipStatus[] statuses = MembershipStatus.values();
        for (int i = 0; i < 23; i++) {
            RecipientForm form = new RecipientForm();
            form.setFirstName("R" + i);
            form.setLastName(token);
            form.setStatus(statuses[i % statuses.length]);
            recipients.create(form);
        }
    }

    @Test
    void queryThenAnExclusiveSplitWithComplement() {
        String json = """
                {"name": "split", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%s"]}}},
                  {"id": "split", "type": "split", "config": {
                     "subset.1.condition": {"field": "status", "operator": "equals", "values": ["GOLD"]},
                     "subset.2.condition": {"field": "status", "operator": "in", "values": ["GOLD", "SILVER"]},
                     "complement": "true"}},
                  {"id": "gold", "type": "end"}, {"id": "silver", "type": "end"}, {"id": "others", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "split"},
                  {"from": "split", "output": "subset1", "to": "gold"},
                  {"from": "split", "output": "subset2", "to": "silver"},
                  {"from": "split", "output": "complement", "to": "others"}]}
                """.formatted(token);
        long runId = workflows.start(workflows.create("Split " + token, json).getId());

        RunView run = awaitStatus(runId, "FINISHED");
        assertEquals(count("SELECT COUNT(*) FROM recipient WHERE last_name = ?"), transition(run, "query.out>split"));
        assertEquals(
                count("SELECT COUNT(*) FROM recipient WHERE last_name = ? AND status = 'GOLD'"),
                transition(run, "split.subset1>gold"));
        assertEquals(
                count("SELECT COUNT(*) FROM recipient WHERE last_name = ? AND status = 'SILVER'"),
                transition(run, "split.subset2>silver"),
                "exclusive: gold recipients went to subset 1 only");
        assertEquals(
                count("SELECT COUNT(*) FROM recipient WHERE last_name = ? AND status NOT IN ('GOLD', 'SILVER')"),
                transition(run, "split.complement>others"));
        run.activities().values().forEach(a -> assertEquals("DONE", a.phase()));

        RecipientPage gold = workflows.transitionPopulation(runId, "split.subset1>gold", 0, 2);
        assertEquals(transition(run, "split.subset1>gold"), gold.total());
        assertEquals(2, gold.items().size());
        assertTrue(gold.items().stream()
                .allMatch(r -> r.getStatus() == MembershipStatus.GOLD && token.equals(r.getLastName())));

        workflows.purge(runId);
        assertThrows(WorkflowException.class, () -> workflows.view(runId));
        assertEquals(
                0,
                Sql.number(dataSource, "SELECT COUNT(*) FROM population WHERE run_id = ?", runId),
                "populations purged");
    }

    @Test
    void setOperationsForkAndJoinOverlapAndLimits() {
        String gold = "{\"field\": \"status\", \"operator\": \"equals\", \"values\": [\"GOLD\"]}";
        String goldSilver = "{\"field\": \"status\", \"operator\": \"in\", \"values\": [\"GOLD\", \"SILVER\"]}";
        String goldBronze = "{\"field\": \"status\", \"operator\": \"in\", \"values\": [\"GOLD\", \"BRONZE\"]}";
        String silver = "{\"field\": \"status\", \"operator\": \"equals\", \"values\": [\"SILVER\"]}";
        String json = """
                {"name": "sets", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "q", "type": "query", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%s"]}}},
                  {"id": "fork", "type": "fork", "config": {"branches": "2"}},
                  {"id": "s1", "type": "split", "config": {"overlap": "true", "complement": "true",
                     "subset.1.condition": %s, "subset.2.condition": %s,
                     "subset.3.condition": %s, "subset.3.limit": "3"}},
                  {"id": "s2", "type": "split", "config": {"complement": "true", "subset.1.condition": %s}},
                  {"id": "u", "type": "union"},
                  {"id": "x", "type": "intersection"},
                  {"id": "e", "type": "exclusion", "config": {"main": "s2.complement>e"}},
                  {"id": "d", "type": "deduplication", "config": {"key": "mobilePhone"}},
                  {"id": "j", "type": "andJoin"},
                  {"id": "end1", "type": "end"}, {"id": "end2", "type": "end"}, {"id": "end3", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "q"}, {"from": "q", "to": "fork"},
                  {"from": "fork", "output": "out1", "to": "s1"}, {"from": "fork", "output": "out2", "to": "s2"},
                  {"from": "s1", "output": "subset1", "to": "u"}, {"from": "s2", "output": "subset1", "to": "u"},
                  {"from": "s1", "output": "subset2", "to": "x"}, {"from": "s2", "output": "subset1", "to": "x"},
                  {"from": "s2", "output": "complement", "to": "e"}, {"from": "s1", "output": "complement", "to": "e"},
                  {"from": "u", "to": "d"}, {"from": "x", "to": "j"}, {"from": "e", "to": "j"},
                  {"from": "d", "to": "end1"}, {"from": "j", "to": "end2"},
                  {"from": "s1", "output": "subset3", "to": "end3"}]}
                """.formatted(token, gold, goldSilver, silver, goldBronze);
        long runId = workflows.start(workflows.create("Sets " + token, json).getId());

        RunView run = awaitStatus(runId, "FINISHED");
        long all = count("SELECT COUNT(*) FROM recipient WHERE last_name = ?");
        long nGold = count("SELECT COUNT(*) FROM recipient WHERE last_name = ? AND status = 'GOLD'");
        long nSilver = count("SELECT COUNT(*) FROM recipient WHERE last_name = ? AND status = 'SILVER'");
        long nBronze = count("SELECT COUNT(*) FROM recipient WHERE last_name = ? AND status = 'BRONZE'");
        assertEquals(all, transition(run, "fork.out1>s1"));
        assertEquals(all, transition(run, "fork.out2>s2"), "a fork copies its input to every branch");
        assertEquals(nGold, transition(run, "s1.subset1>u"));
        assertEquals(nGold + nSilver, transition(run, "s1.subset2>x"), "overlap: gold is in subsets 1 and 2");
        assertEquals(3, transition(run, "s1.subset3>end3"), "limited to 3");
        assertEquals(all - nGold - nSilver, transition(run, "s1.complement>e"));
        assertEquals(nGold + nBronze, transition(run, "s2.subset1>u"));
        assertEquals(nGold + nBronze, transition(run, "u.out>d"), "union of gold and gold+bronze");
        assertEquals(nGold + nBronze, transition(run, "d.out>end1"), "no phones: nobody is a duplicate");
        assertEquals(nGold, transition(run, "x.out>j"), "gold+silver intersected with gold+bronze");
        assertEquals(nSilver, transition(run, "e.out>j"), "silver+none minus bronze+none");
        assertEquals(nGold + nSilver, transition(run, "j.out>end2"), "the join waited for both branches");
    }

    @Test
    void aWaitHoldsNoThreadAndTheSchedulerResumesTheRun() {
        String json = waitWorkflow(4);
        long runId = workflows.start(workflows.create("Wait " + token, json).getId());

        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> "WAITING"
                                .equals(workflows
                                        .view(runId)
                                        .activities()
                                        .get("wait")
                                        .phase())),
                () -> "never waited: " + workflows.view(runId));
        assertEquals("STARTED", workflows.view(runId).status());
        RunView finished = awaitStatus(runId, "FINISHED");
        assertEquals(23, transition(finished, "wait.out>end"));
    }

    @Test
    void aFailingActivityFailsTheRunAndARestartFromItFinishes() {
        String json = """
                {"name": "flaky", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%s"]}}},
                  {"id": "flaky", "type": "failOnce"},
                  {"id": "end", "type": "end"}],
                 "transitions": [{"from": "start", "to": "query"}, {"from": "query", "to": "flaky"},
                                 {"from": "flaky", "to": "end"}]}
                """.formatted(token);
        long runId = workflows.start(workflows.create("Flaky " + token, json).getId());

        RunView failed = awaitStatus(runId, "FAILED");
        assertEquals("DONE", failed.activities().get("query").phase());
        assertEquals("FAILED", failed.activities().get("flaky").phase());
        assertTrue(failed.activities().get("flaky").message().contains("did not answer"), failed.toString());
        assertTrue(
                failed.log().stream().anyMatch(l -> "flaky".equals(l.activityId())),
                failed.log().toString());

        workflows.restartFrom(runId, "flaky");
        RunView finished = awaitStatus(runId, "FINISHED");
        assertEquals(23, transition(finished, "flaky.out>end"));
        assertEquals(23, transition(finished, "query.out>flaky"), "the query was not run again");
    }

    @Test
    void listUpdateFillsTheListAndPassesThePopulationOn() {
        String listName = "Engaged " + token;
        String json = """
                {"name": "list", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition": {"logic": "and", "children": [
                     {"field": "lastName", "operator": "equals", "values": ["%s"]},
                     {"field": "status", "operator": "equals", "values": ["GOLD"]}]}}},
                  {"id": "update", "type": "listUpdate", "config": {"list": "%s", "outbound": "true"}},
                  {"id": "end", "type": "end"}],
                 "transitions": [{"from": "start", "to": "query"}, {"from": "query", "to": "update"},
                                 {"from": "update", "to": "end"}]}
                """.formatted(token, listName);
        long runId = workflows.start(workflows.create("List " + token, json).getId());

        RunView run = awaitStatus(runId, "FINISHED");
        long gold = count("SELECT COUNT(*) FROM recipient WHERE last_name = ? AND status = 'GOLD'");
        assertEquals(gold, transition(run, "update.out>end"));
        assertEquals(
                gold,
                Sql.number(
                        dataSource,
                        "SELECT COUNT(*) FROM list_member m JOIN recipient_list l"
                                + " ON l.id = m.list_id WHERE l.name = ?",
                        listName));
    }

    @Test
    void aPausedRunDoesNotMoveOnUntilResumedAndAStoppedOneNever() {
        long paused = workflows.start(
                workflows.create("Pause " + token, waitWorkflow(3)).getId());
        long stopped = workflows.start(
                workflows.create("Stop " + token, waitWorkflow(3)).getId());
        assertTrue(Polling.eventually(PATIENCE, () -> isWaiting(paused) && isWaiting(stopped)));
        workflows.pause(paused);
        workflows.stop(stopped);
        assertEquals("PAUSED", workflows.view(paused).status());

        // Past the wake-up time, neither has moved on.
        Polling.eventually(Duration.ofSeconds(6), () -> false);
        assertEquals("WAITING", workflows.view(paused).activities().get("wait").phase());
        assertEquals("STOPPED", workflows.view(stopped).status());

        workflows.resume(paused);
        assertEquals(23, transition(awaitStatus(paused, "FINISHED"), "wait.out>end"));
        assertEquals("STOPPED", workflows.view(stopped).status());
        assertThrows(WorkflowException.class, () -> workflows.resume(stopped));
    }

    @Test
    void anInvalidConditionIsRefusedBeforeAnyRun() {
        String json = """
                {"name": "bad", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition":
                     {"field": "salary", "operator": "equals", "values": ["1"]}}},
                  {"id": "end", "type": "end"}],
                 "transitions": [{"from": "start", "to": "query"}, {"from": "query", "to": "end"}]}
                """;
        WorkflowException e = assertThrows(WorkflowException.class, () -> workflows.create("Bad " + token, json));
        assertTrue(e.getMessage().contains("salary"), e.getMessage());
    }

    @Test
    void anInvalidWorkflowIsRefusedWithItsProblems() {
        String json = """
                {"name": "broken", "activities": [
                  {"id": "query", "type": "query", "config": {}},
                  {"id": "mystery", "type": "teleport"}],
                 "transitions": [{"from": "query", "to": "nowhere"}]}
                """;
        WorkflowException e = assertThrows(WorkflowException.class, () -> workflows.create("Broken", json));
        String problems = String.join(" | ", e.problems());
        assertTrue(problems.contains("teleport"), problems);
        assertTrue(problems.contains("nowhere"), problems);
        assertTrue(e.problems().size() >= 3, problems);
    }

    private String waitWorkflow(int seconds) {
        return TestDocuments.waitWorkflow("wait", token, Instant.now().plusSeconds(seconds));
    }

    private boolean isWaiting(long runId) {
        RunView.ActivityView wait = workflows.view(runId).activities().get("wait");
        return wait != null && "WAITING".equals(wait.phase());
    }

    private RunView awaitStatus(long runId, String status) {
        assertTrue(
                Polling.eventually(
                        PATIENCE, () -> status.equals(workflows.view(runId).status())),
                () -> "run did not reach " + status + ": " + workflows.view(runId));
        return workflows.view(runId);
    }

    private static long transition(RunView run, String id) {
        RunView.TransitionView t = run.transitions().get(id);
        assertTrue(t != null && t.fired(), () -> "transition " + id + " did not fire: " + run.transitions());
        return t.count();
    }

    private long count(String sql) {
        return Sql.number(dataSource, sql, token);
    }
}

package io.crosscast.it.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientService;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.OwnDeployment;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import io.crosscast.workflow.PopulationStorage;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.WorkflowService;
import io.crosscast.workflow.internal.RunAdvancer;
import io.crosscast.workflow.internal.SqlPopulations;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs under faults (issue 18): two advances of one run at once, Pause during a long activity, a transient
 * failure in the middle of an activity (retried, nothing counted twice), a permanent one (failed at once), and
 * retention: the populations of an ended run go after the retention time, and a daily Scheduler loop lived for a
 * year on a shifted clock ({@link ShiftedClock}) keeps its storage flat.
 */
@OwnDeployment
@ExtendWith(ArquillianExtension.class)
class WorkflowFaultsIT {

    /** Members of a run's populations: a population's members lie in its range of member keys (V16). */
    private static final String MEMBERS_OF_RUN = "SELECT COUNT(*) FROM population_member m JOIN population p"
            + " ON m.member_key BETWEEN p.id * " + SqlPopulations.SPAN + " AND (p.id + 1) * " + SqlPopulations.SPAN
            + " - 1";

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int RECIPIENTS = 17;

    @Deployment
    static WebArchive deployment() {
        return Deployments.crosscast(
                WorkflowFaultsIT.class,
                ShiftedClock.class,
                TestActivities.class,
                TestActivities.Slow.class,
                TestActivities.Flaky.class);
    }

    @EJB
    private WorkflowService workflows;

    @EJB
    private RunAdvancer advancer;

    @EJB
    private RecipientService recipients;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    private String token;

    @BeforeEach
    void recipients() {
        ShiftedClock.reset();
        token = "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (int i = 0; i < RECIPIENTS; i++) {
            RecipientForm form = new RecipientForm();
            form.setFirstName("R" + i);
            form.setLastName(token);
            recipients.create(form);
        }
    }

    @AfterEach
    void resetClock() {
        ShiftedClock.reset();
    }

    private String query() {
        return "{\"id\": \"query\", \"type\": \"query\", \"config\": {\"condition\":"
                + " {\"field\": \"lastName\", \"operator\": \"equals\", \"values\": [\"" + token + "\"]}}}";
    }

    /** start -> query -> the activities given, in a line -> end. */
    private long start(String name, String... activities) {
        StringBuilder json = new StringBuilder("{\"name\": \"" + name + "\", \"activities\": [")
                .append("{\"id\": \"start\", \"type\": \"start\"}, ")
                .append(query());
        List<String> ids = new ArrayList<>(List.of("start", "query"));
        for (String activity : activities) {
            json.append(", ").append(activity);
            ids.add(activity.replaceAll("^\\{\"id\": \"([^\"]+)\".*$", "$1"));
        }
        json.append(", {\"id\": \"end\", \"type\": \"end\"}], \"transitions\": [");
        ids.add("end");
        for (int i = 1; i < ids.size(); i++) {
            json.append(i > 1 ? ", " : "")
                    .append("{\"from\": \"")
                    .append(ids.get(i - 1))
                    .append("\", \"to\": \"")
                    .append(ids.get(i))
                    .append("\"}");
        }
        json.append("]}");
        return workflows.start(
                workflows.create(name + " " + token, json.toString()).getId());
    }

    @Test
    void twoAdvancesOfOneRunAtOnceExecuteItsActivityOnce() throws Exception {
        long runId = start("twice", "{\"id\": \"slow\", \"type\": \"slow\", \"config\": {\"seconds\": \"3\"}}");
        // Quartz's advance is on its way; two more at once, from two threads.
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> advances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            advances.add(CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                advancer.advance(runId);
            }));
        }
        go.countDown();
        for (CompletableFuture<Void> advance : advances) {
            advance.get();
        }
        RunView run = awaitStatus(runId, "FINISHED");
        assertEquals(1, TestActivities.attempts("slow", runId), "the slow activity ran once");
        assertEquals(RECIPIENTS, run.transitions().get("query.out>slow").count());
        assertEquals(RECIPIENTS, run.transitions().get("slow.out>end").count(), "nothing doubled");
        assertEquals(
                3,
                Sql.number(dataSource, "SELECT COUNT(*) FROM population WHERE run_id = ?", runId),
                "the start's (empty), the query's and the slow activity's copy, once each");
        assertEquals(2L * RECIPIENTS, Sql.number(dataSource, MEMBERS_OF_RUN + " WHERE p.run_id = ?", runId));
    }

    @Test
    void aPauseDuringALongActivityIsTakenAtOnceAndSeenBeforeTheNextStep() {
        long runId = start(
                "pause",
                "{\"id\": \"slow\", \"type\": \"slow\", \"config\": {\"seconds\": \"6\"}}",
                "{\"id\": \"after\", \"type\": \"slow\", \"config\": {\"seconds\": \"0\"}}");
        assertTrue(Polling.eventually(PATIENCE, () -> TestActivities.running(runId)), "the slow activity runs");
        workflows.pause(runId);
        assertTrue(TestActivities.running(runId), "the pause returned while the long activity still ran");
        RunView paused = awaitStatus(runId, "PAUSED");
        assertEquals("DONE", paused.activities().get("slow").phase(), "the activity in flight finished");
        assertEquals(RECIPIENTS, paused.transitions().get("slow.out>after").count());
        assertEquals("PENDING", paused.activities().get("after").phase(), "nothing started after the pause");
        assertTrue(
                paused.log().stream().anyMatch(line -> line.message().startsWith("Paused")),
                "the pause is in the log: " + paused.log());

        workflows.resume(runId);
        RunView done = awaitStatus(runId, "FINISHED");
        assertEquals(RECIPIENTS, done.transitions().get("after.out>end").count());
        assertEquals(2, TestActivities.attempts("slow", runId), "the two slow activities, once each");
    }

    @Test
    void aConnectionLostMidActivityIsRetriedAndItsPartialOutputIsNotCounted() {
        long runId = start("flaky", "{\"id\": \"flaky\", \"type\": \"flaky\"}");
        RunView run = awaitStatus(runId, "FINISHED");
        assertEquals(2, TestActivities.attempts("flaky", runId), "failed once, retried once");
        assertEquals(RECIPIENTS, run.transitions().get("flaky.out>end").count());
        assertEquals(
                3,
                Sql.number(dataSource, "SELECT COUNT(*) FROM population WHERE run_id = ?", runId),
                "the start's, the query's and one copy: the failed attempt's copy was rolled back with it");
        assertTrue(
                run.log().stream()
                        .anyMatch(line -> "flaky".equals(line.activityId())
                                && line.message().startsWith("transient failure, attempt 1 of 5")
                                && line.message().contains("08006")),
                "the retry and its reason are in the run's log: " + run.log());
        assertEquals(
                0,
                Sql.number(dataSource, "SELECT retry_attempts FROM workflow_run WHERE id = ?", runId),
                "the retry count is reset once the activity is done");
    }

    @Test
    void aPermanentFailureFailsAtOnceWithItsReason() {
        long runId = start("bad", "{\"id\": \"flaky\", \"type\": \"flaky\", \"config\": {\"permanent\": \"true\"}}");
        RunView run = awaitStatus(runId, "FAILED");
        assertEquals(1, TestActivities.attempts("flaky", runId), "not retried");
        assertTrue(
                run.activities().get("flaky").message().contains("the condition refers to a deleted list"),
                run.activities().get("flaky").message());
        assertFalse(run.log().stream().anyMatch(line -> line.message().startsWith("transient")), "no retry");
        assertEquals(2, Sql.number(dataSource, "SELECT COUNT(*) FROM population WHERE run_id = ?", runId));
    }

    @Test
    void theRetentionTimeAfterAnEndedRunPurgesItsPopulationsAndKeepsItsCounts() {
        long runId = start("ended");
        RunView finished = awaitStatus(runId, "FINISHED");
        assertEquals(2, Sql.number(dataSource, "SELECT COUNT(*) FROM population WHERE run_id = ?", runId));

        ShiftedClock.plus(Duration.ofDays(29));
        workflows.purgeExpiredPopulations();
        assertEquals(
                2,
                Sql.number(dataSource, "SELECT COUNT(*) FROM population WHERE run_id = ?", runId),
                "kept for 30 days");

        ShiftedClock.plus(Duration.ofDays(2));
        assertTrue(workflows.purgeExpiredPopulations() >= 1);
        assertEquals(0, Sql.number(dataSource, "SELECT COUNT(*) FROM population WHERE run_id = ?", runId));
        RunView purged = workflows.view(runId);
        assertEquals("FINISHED", purged.status());
        assertEquals(RECIPIENTS, purged.transitions().get("query.out>end").count(), "counts kept");
        assertEquals(finished.log().size(), purged.log().size(), "log kept");
        assertEquals(
                1,
                Sql.number(
                        dataSource,
                        "SELECT COUNT(*) FROM workflow_run WHERE id = ? AND populations_purged_at IS NOT NULL",
                        runId));

        PopulationStorage storage = workflows.populationStorage();
        assertEquals(Sql.number(dataSource, "SELECT COUNT(*) FROM population"), storage.populations());
        assertEquals(Sql.number(dataSource, "SELECT COUNT(*) FROM population_member"), storage.members());
        assertEquals(30, storage.retentionDays());
        assertNotNull(storage.nextPurge(), "the retention job is scheduled");
        System.out.printf(
                "RETENTION storage: %d populations, %d members, %s bytes, next purge %s%n",
                storage.populations(), storage.members(), storage.bytes(), storage.nextPurge());
    }

    @Test
    void aDailySchedulerLoopLivedForAYearKeepsItsStorageFlat() {
        String json = """
                {"name": "loop", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "daily", "type": "scheduler", "config": {"daily": "06:00"}},
                  %s],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "daily"},
                  {"from": "daily", "to": "query"}]}
                """.formatted(query());
        long runId = workflows.start(workflows.create("Loop " + token, json).getId());
        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> "WAITING"
                                .equals(workflows
                                        .view(runId)
                                        .activities()
                                        .get("daily")
                                        .phase())),
                "the loop waits for its first day");
        long maxPopulations = 0;
        long lastPopulation = 0;
        long[] membersByDay = new long[366];
        for (int day = 1; day <= 365; day++) {
            ShiftedClock.plus(Duration.ofDays(1));
            advancer.advance(runId); // what the Quartz trigger at 06:00 does, on the shifted clock
            workflows.purgeExpiredPopulations(); // what the daily retention job does
            long newest = Sql.number(dataSource, "SELECT MAX(id) FROM population WHERE run_id = ?", runId);
            assertTrue(newest > lastPopulation, "day " + day + ": the loop queried again");
            lastPopulation = newest;
            maxPopulations = Math.max(
                    maxPopulations, Sql.number(dataSource, "SELECT COUNT(*) FROM population WHERE run_id = ?", runId));
            membersByDay[day] = Sql.number(dataSource, MEMBERS_OF_RUN + " WHERE p.run_id = ?", runId);
        }
        RunView run = workflows.view(runId);
        System.out.printf(
                "RETENTION loop: 365 days, at most %d populations kept, members day 1 %d, day 30 %d, day 365 %d%n",
                maxPopulations, membersByDay[1], membersByDay[30], membersByDay[365]);
        assertEquals(RECIPIENTS, run.transitions().get("query.out>daily").count());
        assertTrue(maxPopulations <= 4, "only what the state holds is kept: " + maxPopulations);
        assertTrue(membersByDay[2] > 0);
        assertEquals(membersByDay[2], membersByDay[30], "flat");
        assertEquals(membersByDay[30], membersByDay[365], "flat");
        workflows.stop(runId);
    }

    private RunView awaitStatus(long runId, String status) {
        assertTrue(
                Polling.eventually(
                        PATIENCE, () -> status.equals(workflows.view(runId).status())),
                "run " + runId + " becomes " + status + ": " + workflows.view(runId));
        return workflows.view(runId);
    }
}

package io.crosscast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.activities.BuiltInActivities;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WorkflowRunnerTest {

    private static final Instant T0 = Instant.parse("2025-03-05T10:00:00Z");

    private final FakePopulations pops = new FakePopulations();
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicBoolean broken = new AtomicBoolean(true);
    private final List<String> log = new ArrayList<>();
    private final ActivityRegistry registry = BuiltInActivities.registry().register(new Flaky());
    private final Execution execution = new Execution(registry, pops, clock, (id, m) -> log.add(id + ": " + m));
    private final WorkflowRunner runner = execution.runner();

    WorkflowRunnerTest() {
        for (long id = 1; id <= 6; id++) {
            pops.recipient(id, "email=" + (id <= 2 ? "same@x.io" : id + "@x.io"), "ready=false");
        }
    }

    /** Fails while {@link #broken} is set, otherwise passes its input through. */
    private final class Flaky implements ActivityType {
        public String type() {
            return "flaky";
        }

        public NextAction execute(ActivityContext ctx) {
            if (broken.get()) {
                throw new IllegalStateException("database down");
            }
            return NextAction.done("out", ctx.input());
        }
    }

    private static void assertValid(WorkflowDefinition def, ActivityRegistry registry) {
        assertEquals(List.of(), WorkflowValidator.validate(def, registry));
    }

    private long count(RunState state, String transition) {
        return state.transition(transition).orElseThrow().count();
    }

    @Test
    void startableFollowsTheGraphInDefinitionOrder() {
        var def = new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("f", "fork")
                .a("e1", "end")
                .a("e2", "end")
                .t("start", "q")
                .t("q", "f")
                .t("f", "out1", "e1")
                .t("f", "out2", "e2")
                .build();
        assertValid(def, registry);
        RunState state = runner.newRun(def, "r1");
        assertEquals(List.of(), runner.startable(def, state), "an EDITED run starts nothing");
        state = runner.start(state);
        assertEquals(List.of("start"), runner.startable(def, state));
        state = execution.step(def, state, "start");
        assertEquals(List.of("q"), runner.startable(def, state));
        state = execution.step(def, state, "q");
        state = execution.step(def, state, "f");
        assertEquals(List.of("e1", "e2"), runner.startable(def, state));
        state = execution.step(def, state, "e2");
        state = execution.step(def, state, "e1");
        assertTrue(runner.isFinished(def, state));
        assertEquals(RunStatus.FINISHED, state.status());
        assertEquals(6, count(state, "f.out1>e1"));
    }

    @Test
    void pauseStartsNothingNewResumeContinuesStopEnds() {
        var def = new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("e", "end")
                .t("start", "q")
                .t("q", "e")
                .build();
        RunState state = execution.start(def, "r1"); // runs to the end
        assertEquals(RunStatus.FINISHED, state.status());

        state = runner.start(runner.newRun(def, "r2"));
        state = execution.step(def, state, "start");
        state = runner.pause(state);
        assertEquals(List.of(), runner.startable(def, state));
        assertEquals(RunStatus.PAUSED, execution.run(def, state).status());
        assertEquals(ActivityPhase.PENDING, execution.run(def, state).phase("q"));
        state = runner.resume(state);
        assertEquals(List.of("q"), runner.startable(def, state));

        state = runner.stop(state);
        assertEquals(List.of(), runner.startable(def, state));
        RunState stopped = state;
        assertThrows(IllegalStateException.class, () -> runner.resume(stopped));
        assertThrows(IllegalStateException.class, () -> runner.pause(stopped));
        assertTrue(RunStatus.STOPPED.canMoveTo(RunStatus.EDITED));
        assertFalse(RunStatus.FINISHED.canMoveTo(RunStatus.STARTED));
    }

    @Test
    void aFailingActivityFailsTheRunAndARestartResetsItsDownstream() {
        var def = new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("x", "flaky")
                .a("d", "deduplication", "key=email")
                .a("e", "end")
                .t("start", "q")
                .t("q", "x")
                .t("x", "d")
                .t("d", "e")
                .build();
        assertValid(def, registry);
        RunState state = execution.start(def, "r1");
        assertEquals(RunStatus.FAILED, state.status());
        assertEquals(ActivityPhase.FAILED, state.phase("x"));
        assertEquals("IllegalStateException: database down", state.activity("x").message());
        assertEquals(ActivityPhase.PENDING, state.phase("d"));
        assertEquals(ActivityPhase.PENDING, state.phase("e"));
        assertEquals(List.of(), runner.startable(def, state));
        assertFalse(runner.isFinished(def, state));
        assertTrue(log.contains("x: failed: IllegalStateException: database down"));

        broken.set(false);
        RunState restarted = runner.restartFrom(def, state, "x");
        assertEquals(RunStatus.STARTED, restarted.status());
        assertEquals(ActivityPhase.PENDING, restarted.phase("x"));
        assertEquals(ActivityPhase.DONE, restarted.phase("q"), "upstream is kept");
        assertEquals(List.of("x"), runner.startable(def, restarted));
        RunState done = execution.run(def, restarted);
        assertEquals(RunStatus.FINISHED, done.status());
        assertEquals(5, count(done, "d>e"));
        assertThrows(IllegalStateException.class, () -> runner.restartFrom(def, done, "x"));
    }

    @Test
    void restartKeepsTheOtherBranchesAndOnlyAppliesToAFailedActivity() {
        var def = new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("f", "fork")
                .a("e1", "end")
                .a("x", "flaky")
                .a("d", "deduplication", "key=email")
                .a("e2", "end")
                .t("start", "q")
                .t("q", "f")
                .t("f", "out1", "e1")
                .t("f", "out2", "x")
                .t("x", "d")
                .t("d", "e2")
                .build();
        assertValid(def, registry);
        RunState failed = execution.start(def, "r1");
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals(ActivityPhase.DONE, failed.phase("e1"), "the other branch ran");
        assertEquals(ActivityPhase.PENDING, failed.phase("d"));
        assertThrows(IllegalStateException.class, () -> runner.restartFrom(def, failed, "q"));

        broken.set(false);
        RunState done = execution.run(def, runner.restartFrom(def, failed, "x"));
        assertEquals(RunStatus.FINISHED, done.status());
        assertEquals(1, log.stream().filter(l -> l.startsWith("q: query")).count(), "upstream did not run again");
        assertEquals(5, count(done, "d>e2"));
        assertEquals(6, count(done, "f.out1>e1"));
    }

    @Test
    void testSendsThePopulationOneWayAndSkipsTheOtherBranch() {
        var def = new Flow()
                .a("start", "start")
                .a("q", "query", "condition=ready=true")
                .a("t", "test")
                .a("yes", "deduplication", "key=email")
                .a("endYes", "end")
                .a("no", "union")
                .a("endNo", "end")
                .t("start", "q")
                .t("q", "t")
                .t("t", "true", "yes")
                .t("yes", "endYes")
                .t("t", "false", "no")
                .t("no", "endNo")
                .build();
        assertValid(def, registry);
        RunState state = execution.start(def, "r1");
        assertEquals(RunStatus.FINISHED, state.status());
        assertEquals(ActivityPhase.SKIPPED, state.phase("yes"));
        assertEquals(ActivityPhase.SKIPPED, state.phase("endYes"));
        assertTrue(state.transition("yes>endYes").orElseThrow().isSkipped());
        assertEquals(ActivityPhase.DONE, state.phase("endNo"));
        assertEquals(0, count(state, "t.false>no"));
    }

    @Test
    void andJoinWaitsForBothBranchesOfAFork() {
        var def = new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("f", "fork")
                .a("w", "wait", "hours=1")
                .a("d", "deduplication", "key=email")
                .a("j", "andJoin")
                .a("e", "end")
                .t("start", "q")
                .t("q", "f")
                .t("f", "out1", "w")
                .t("f", "out2", "d")
                .t("w", "j")
                .t("d", "j")
                .t("j", "e")
                .build();
        assertValid(def, registry);
        RunState state = execution.start(def, "r1");
        assertEquals(ActivityPhase.WAITING, state.phase("w"));
        assertEquals(ActivityPhase.DONE, state.phase("d"));
        assertEquals(ActivityPhase.PENDING, state.phase("j"), "one branch is still waiting");
        assertEquals(RunStatus.STARTED, state.status());
        assertEquals(T0.plus(Duration.ofHours(1)), runner.nextWakeUp(state).orElseThrow());
        assertEquals(List.of(), runner.due(def, state, clock.instant()));

        clock.advance(Duration.ofHours(1));
        assertEquals(List.of("w"), runner.due(def, state, clock.instant()));
        state = execution.run(def, state);
        assertEquals(RunStatus.FINISHED, state.status());
        assertEquals(6, count(state, "j>e"), "union of 6 and the 5 deduplicated");
    }

    @Test
    void andJoinRunsWithASkippedBranch() {
        var def = new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("f", "fork")
                .a("t", "test", "min=100")
                .a("j", "andJoin")
                .a("e", "end")
                .t("start", "q")
                .t("q", "f")
                .t("f", "out1", "t")
                .t("t", "true", "j")
                .t("f", "out2", "j")
                .t("j", "e")
                .build();
        assertValid(def, registry);
        RunState state = execution.start(def, "r1");
        assertEquals(RunStatus.FINISHED, state.status());
        assertEquals(6, count(state, "j>e"));
    }

    @Test
    void aLoopThroughAWaitRunsAgainUntilTheTestPasses() {
        var def = new Flow()
                .a("start", "start")
                .a("q", "query", "condition=ready=true")
                .a("t", "test")
                .a("w", "wait", "hours=1")
                .a("e", "end")
                .t("start", "q")
                .t("q", "t")
                .t("t", "true", "e")
                .t("t", "false", "w")
                .t("w", "q")
                .build();
        assertValid(def, registry);
        RunState state = execution.start(def, "r1");
        assertEquals(ActivityPhase.WAITING, state.phase("w"));
        assertEquals(ActivityPhase.SKIPPED, state.phase("e"));

        pops.recipient(3, "ready=true").recipient(4, "ready=true");
        clock.advance(Duration.ofHours(1));
        state = execution.run(def, state);
        assertEquals(RunStatus.FINISHED, state.status());
        assertEquals(ActivityPhase.DONE, state.phase("e"));
        assertEquals(2, count(state, "t.true>e"));
        assertTrue(state.activity("w").stored().isEmpty(), "a finished wait forgets its wake-up");
    }

    @Test
    void anActivityCannotEmitOnAnOutputItDoesNotHave() {
        var def = new Flow().a("start", "start").a("e", "end").t("start", "e").build();
        RunState state = runner.begin(def, runner.start(runner.newRun(def, "r")), "start");
        assertThrows(
                IllegalArgumentException.class,
                () -> runner.apply(def, state, "start", NextAction.done(Map.of("other", pops.empty()))));
    }
}

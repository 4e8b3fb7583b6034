package io.crosscast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.activities.BuiltInActivities;
import io.crosscast.engine.activities.ExternalSignalActivity;
import io.crosscast.engine.activities.JumpFromActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jump (from) / Jump (to) and External signal, run in memory. */
class JumpAndSignalTest {

    private static final Instant T0 = Instant.parse("2025-03-05T10:00:00Z");

    private final FakePopulations pops = new FakePopulations();
    private final MutableClock clock = new MutableClock(T0);
    private final List<String> log = new ArrayList<>();
    private final ActivityRegistry registry = BuiltInActivities.registry();
    private final Execution execution = new Execution(registry, pops, clock, (id, m) -> log.add(id + ": " + m));
    private final WorkflowRunner runner = execution.runner();

    JumpAndSignalTest() {
        for (long id = 1; id <= 6; id++) {
            pops.recipient(id, "email=" + id + "@x.io", "ready=false");
        }
    }

    private static List<String> codes(List<ValidationProblem> problems) {
        return problems.stream().map(ValidationProblem::code).toList();
    }

    /** start > query > land "retry" > wait 1 h > jump to "retry" (plus the given settings). */
    private WorkflowDefinition retryLoop(String... jumpConfig) {
        List<String> config = new ArrayList<>(List.of("target=retry"));
        config.addAll(List.of(jumpConfig));
        return new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("land", "jumpTo", "name=retry")
                .a("w", "wait", "hours=1")
                .a("jump", "jumpFrom", config.toArray(String[]::new))
                .t("start", "q")
                .t("q", "land")
                .t("land", "w")
                .t("w", "jump")
                .build();
    }

    @Test
    void aJumpLoopsAroundAWaitUntilItsGuardFailsTheRun() {
        var def = retryLoop("maxPasses=3");
        assertEquals(List.of(), WorkflowValidator.validate(def, registry));
        RunState state = execution.start(def, "r1");
        for (int pass = 1; pass <= 3; pass++) {
            assertEquals(ActivityPhase.WAITING, state.phase("w"), "pass " + pass);
            clock.advance(Duration.ofHours(1));
            state = execution.run(def, state);
            assertEquals(String.valueOf(pass), state.activity("jump").stored().get(JumpFromActivity.PASSES));
            TransitionState jumped =
                    state.transition(Jumps.transitionId("jump", "land")).orElseThrow();
            assertEquals(6, jumped.count(), "the jump carries the whole population");
            assertEquals(
                    state.transition("w>jump").orElseThrow().population(),
                    jumped.population(),
                    "the population is shared, not copied");
        }
        assertEquals(RunStatus.STARTED, state.status());
        clock.advance(Duration.ofHours(1));
        state = execution.run(def, state);
        assertEquals(RunStatus.FAILED, state.status());
        assertEquals(ActivityPhase.FAILED, state.phase("jump"));
        assertEquals(
                "Jump 'jump' has made its 3 passes to 'retry' (maxPasses): an endless loop?",
                state.activity("jump").message());
        assertTrue(log.contains("jump: jump 3 of at most 3 to 'retry'"), log::toString);
    }

    @Test
    void aGuardSetToStopEndsThePopulationThereAndTheRunFinishes() {
        var def = retryLoop("maxPasses=1", "onLimit=stop");
        RunState state = execution.start(def, "r1");
        clock.advance(Duration.ofHours(1));
        state = execution.run(def, state);
        assertEquals(ActivityPhase.WAITING, state.phase("w"), "one jump made, waiting again");
        clock.advance(Duration.ofHours(1));
        state = execution.run(def, state);
        assertEquals(RunStatus.FINISHED, state.status());
        assertTrue(state.transition(Jumps.transitionId("jump", "land"))
                .orElseThrow()
                .isSkipped());
    }

    @Test
    void aJumpLoopEndsByACondition() {
        var def = new Flow()
                .a("start", "start")
                .a("land", "jumpTo", "name=again")
                .a("q", "query", "condition=ready=true")
                .a("t", "test")
                .a("w", "wait", "minutes=10")
                .a("jump", "jumpFrom", "target=again")
                .a("e", "end")
                .t("start", "land")
                .t("land", "q")
                .t("q", "t")
                .t("t", "true", "e")
                .t("t", "false", "w")
                .t("w", "jump")
                .build();
        assertEquals(List.of(), WorkflowValidator.validate(def, registry));
        RunState state = execution.start(def, "r1");
        clock.advance(Duration.ofMinutes(10));
        state = execution.run(def, state);
        assertEquals(ActivityPhase.WAITING, state.phase("w"), "nobody ready: round again");
        pops.recipient(2, "ready=true");
        clock.advance(Duration.ofMinutes(10));
        state = execution.run(def, state);
        assertEquals(RunStatus.FINISHED, state.status());
        assertEquals(1, state.transition("t.true>e").orElseThrow().count());
        assertEquals("2", state.activity("jump").stored().get(JumpFromActivity.PASSES));
    }

    @Test
    void theValidatorChecksJumpsAndAllowsTheCyclesTheyClose() {
        var noLanding = new Flow()
                .a("start", "start")
                .a("jump", "jumpFrom", "target=nowhere")
                .t("start", "jump")
                .build();
        assertEquals(List.of(ValidationProblem.JUMP), codes(WorkflowValidator.validate(noLanding, registry)));

        var twoLandings = new Flow()
                .a("start", "start")
                .a("jump", "jumpFrom", "target=x")
                .a("l1", "jumpTo", "name=x")
                .a("l2", "jumpTo", "name=x")
                .a("e", "end")
                .t("start", "jump")
                .t("start", "l1")
                .t("start", "l2")
                .t("l1", "e")
                .build();
        assertTrue(codes(WorkflowValidator.validate(twoLandings, registry)).contains(ValidationProblem.JUMP));

        var drawn = new Flow()
                .a("start", "start")
                .a("jump", "jumpFrom", "target=x")
                .a("land", "jumpTo", "name=x")
                .a("e", "end")
                .t("start", "jump")
                .t("jump", "jump", "e")
                .t("land", "e")
                .build();
        assertEquals(List.of(ValidationProblem.JUMP), codes(WorkflowValidator.validate(drawn, registry)));

        var landingNobodyReaches = new Flow()
                .a("start", "start")
                .a("land", "jumpTo", "name=x")
                .a("e", "end")
                .t("start", "e")
                .t("land", "e")
                .build();
        assertTrue(codes(WorkflowValidator.validate(landingNobodyReaches, registry))
                .contains(ValidationProblem.MISSING_INPUT));

        // a cycle without a wait point, closed by a jump: allowed, its guard bounds it
        var tight = new Flow()
                .a("start", "start")
                .a("land", "jumpTo", "name=x")
                .a("q", "query", "condition=all")
                .a("jump", "jumpFrom", "target=x", "maxPasses=5")
                .t("start", "land")
                .t("land", "q")
                .t("q", "jump")
                .build();
        assertEquals(List.of(), WorkflowValidator.validate(tight, registry));
        RunState state = execution.start(tight, "r1");
        assertEquals(RunStatus.FAILED, state.status(), "the guard ends the tight loop");
        assertEquals("5", state.activity("jump").stored().get(JumpFromActivity.PASSES));

        // the same cycle drawn with an arrow is still refused
        var drawnCycle = new Flow()
                .a("start", "start")
                .a("u", "union")
                .a("q", "query", "condition=all")
                .t("start", "u")
                .t("u", "q")
                .t("q", "u")
                .build();
        assertTrue(codes(WorkflowValidator.validate(drawnCycle, registry)).contains(ValidationProblem.CYCLE));

        var badSettings = new Flow()
                .a("start", "start")
                .a("jump", "jumpFrom", "target=a b", "maxPasses=0", "onLimit=later")
                .a("land", "jumpTo", "name=a b")
                .t("start", "jump")
                .build();
        List<ValidationProblem> problems = WorkflowValidator.validate(badSettings, registry);
        assertEquals(
                4,
                problems.stream()
                        .filter(p -> p.code().equals(ValidationProblem.INVALID_CONFIG))
                        .count(),
                problems::toString);
    }

    private static WorkflowDefinition signalFlow(String... signalConfig) {
        return new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("s", "externalSignal", signalConfig)
                .a("paid", "end")
                .a("late", "end")
                .t("start", "q")
                .t("q", "s")
                .t("s", "signal", "paid")
                .t("s", "timeout", "late")
                .build();
    }

    @Test
    void aSignalThatComesLetsThePopulationGoWithItsParameters() {
        var def = signalFlow("name=paid", "timeoutMinutes=30");
        assertEquals(List.of(), WorkflowValidator.validate(def, registry));
        RunState state = execution.start(def, "r1");
        assertEquals(ActivityPhase.WAITING, state.phase("s"));
        assertEquals(T0.plus(Duration.ofMinutes(30)), state.activity("s").wakeUp());

        clock.advance(Duration.ofMinutes(5));
        state = execution.run(def, state);
        assertEquals(ActivityPhase.WAITING, state.phase("s"), "nothing happens before the signal");
        assertFalse(ExternalSignalActivity.hasReceived(state.activity("s").stored()));

        RunState signalled = runner.deliver(
                state, "s", ExternalSignalActivity.received(Map.of("orderId", "42"), clock.instant()), clock.instant());
        assertEquals(clock.instant(), signalled.activity("s").wakeUp(), "due now");
        assertTrue(ExternalSignalActivity.hasReceived(signalled.activity("s").stored()));
        assertEquals(state, runner.deliver(state, "q", Map.of("x", "y"), clock.instant()), "q does not wait");

        state = execution.run(def, signalled);
        assertEquals(RunStatus.FINISHED, state.status());
        TransitionState out = state.transition("s.signal>paid").orElseThrow();
        assertEquals(6, out.count());
        assertEquals("42", out.data().get(DataKeys.SIGNAL_PREFIX + "orderId"));
        assertTrue(state.transition("s.timeout>late").orElseThrow().isSkipped());
        assertTrue(log.contains("s: signal 'paid' received with 1 parameter(s)"), log::toString);
    }

    @Test
    void withoutASignalTheTimeoutOutputFires() {
        var def = signalFlow("name=paid", "timeoutSeconds=5");
        RunState state = execution.start(def, "r1");
        clock.advance(Duration.ofSeconds(5));
        state = execution.run(def, state);
        assertEquals(RunStatus.FINISHED, state.status());
        assertEquals(6, state.transition("s.timeout>late").orElseThrow().count());
        assertTrue(state.transition("s.signal>paid").orElseThrow().isSkipped());
    }

    @Test
    void withoutATimeoutItWaitsForTheSignalOnly() {
        var def = signalFlow("name=paid");
        RunState state = execution.start(def, "r1");
        assertEquals(ExternalSignalActivity.NEVER, state.activity("s").wakeUp());
        clock.advance(Duration.ofDays(400));
        state = execution.run(def, state);
        assertEquals(ActivityPhase.WAITING, state.phase("s"));
        assertEquals(
                2,
                codes(WorkflowValidator.validate(signalFlow("timeoutHours=x"), registry))
                        .size());
        assertEquals(
                1,
                codes(WorkflowValidator.validate(signalFlow("name=a/b"), registry))
                        .size());
    }
}

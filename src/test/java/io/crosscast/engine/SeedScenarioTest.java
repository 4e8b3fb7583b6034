package io.crosscast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.activities.BuiltInActivities;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Start -> Query -> Email -> Wait 3 days -> Split: (1) neither opened nor clicked -> Reminder -> End,
 * (2) did not click -> SMS -> End, (3) clicked -> End.
 */
class SeedScenarioTest {

    private static final Instant T0 = Instant.parse("2025-03-05T10:00:00Z");

    @Test
    void runsToTheWaitThenToTheEndWithCountsOnEveryTransition() {
        FakePopulations pops = new FakePopulations();
        // 1-10 opted in; 11-12 not. Opened: 3-8; clicked: 7-9 (9 clicked without an open pixel)
        for (long id = 1; id <= 12; id++) {
            pops.recipient(
                    id, "optin=" + (id <= 10), "opened=" + (id >= 3 && id <= 8), "clicked=" + (id >= 7 && id <= 9));
        }
        ActivityRegistry registry = BuiltInActivities.registry().register(new PassThroughDelivery());
        MutableClock clock = new MutableClock(T0);
        Execution execution = new Execution(registry, pops, clock, RunLog.none());
        WorkflowRunner runner = execution.runner();

        WorkflowDefinition def = new Flow()
                .a("start", "start")
                .a("query", "query", "condition=optin=true")
                .a("email", PassThroughDelivery.TYPE)
                .a("wait", "wait", "days=3")
                .a(
                        "split",
                        "split",
                        "subset.1.label=Neither opened nor clicked",
                        "subset.1.condition=opened=false&clicked=false",
                        "subset.2.label=Did not click",
                        "subset.2.condition=clicked=false",
                        "subset.3.label=Clicked",
                        "subset.3.condition=clicked=true")
                .a("reminder", PassThroughDelivery.TYPE)
                .a("sms", PassThroughDelivery.TYPE)
                .a("end1", "end")
                .a("end2", "end")
                .a("end3", "end")
                .t("start", "query")
                .t("query", "email")
                .t("email", "wait")
                .t("wait", "split")
                .t("split", "subset1", "reminder")
                .t("reminder", "end1")
                .t("split", "subset2", "sms")
                .t("sms", "end2")
                .t("split", "subset3", "end3")
                .build();
        assertEquals(java.util.List.of(), WorkflowValidator.validate(def, registry));

        RunState state = execution.start(def, "seed-1");
        assertEquals(RunStatus.STARTED, state.status());
        assertEquals(ActivityPhase.WAITING, state.phase("wait"));
        assertEquals(T0.plus(Duration.ofDays(3)), state.activity("wait").wakeUp());
        assertEquals(ActivityPhase.PENDING, state.phase("split"));
        assertEquals(0, state.transition("start>query").orElseThrow().count());
        assertEquals(10, state.transition("query>email").orElseThrow().count());
        assertEquals(10, state.transition("email>wait").orElseThrow().count());
        assertEquals(
                Map.of("deliveryId", "D-email"),
                state.transition("email>wait").orElseThrow().data());
        assertTrue(state.transition("wait>split").isEmpty());

        clock.advance(Duration.ofDays(3).minusMinutes(1));
        assertEquals(ActivityPhase.WAITING, execution.run(def, state).phase("wait"), "not yet");

        clock.set(T0.plus(Duration.ofDays(3)));
        state = execution.run(def, state);
        assertEquals(RunStatus.FINISHED, state.status());
        assertTrue(runner.isFinished(def, state));

        // opted in 1..10: neither opened nor clicked = 1, 2, 10; opened, not clicked = 3-6; clicked = 7-9
        Map<String, Long> actual = new java.util.TreeMap<>();
        for (String t : new String[] {
            "wait>split",
            "split.subset1>reminder",
            "split.subset2>sms",
            "split.subset3>end3",
            "reminder>end1",
            "sms>end2"
        }) {
            actual.put(t, state.transition(t).orElseThrow().count());
        }
        assertEquals(
                new java.util.TreeMap<>(Map.of(
                        "wait>split",
                        10L,
                        "split.subset1>reminder",
                        3L,
                        "split.subset2>sms",
                        4L,
                        "split.subset3>end3",
                        3L,
                        "reminder>end1",
                        3L,
                        "sms>end2",
                        4L)),
                actual);
        assertEquals(
                Set.of(1L, 2L, 10L),
                pops.ids(
                        state.transition("split.subset1>reminder").orElseThrow().population()));
        assertEquals(
                Set.of(3L, 4L, 5L, 6L),
                pops.ids(state.transition("split.subset2>sms").orElseThrow().population()));
        assertEquals(
                Set.of(7L, 8L, 9L),
                pops.ids(state.transition("split.subset3>end3").orElseThrow().population()));
        assertEquals(
                "D-email",
                state.transition("split.subset3>end3").orElseThrow().data().get("deliveryId"),
                "data travels with the population through the wait and the split");
        assertEquals("D-sms", state.transition("sms>end2").orElseThrow().data().get("deliveryId"));
        for (String id :
                new String[] {"start", "query", "email", "wait", "split", "reminder", "sms", "end1", "end2", "end3"}) {
            assertEquals(ActivityPhase.DONE, state.phase(id), id);
        }
    }
}

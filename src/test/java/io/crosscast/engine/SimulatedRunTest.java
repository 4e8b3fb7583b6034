package io.crosscast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.activities.BuiltInActivities;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A simulated run ("dry run"): its waits pass at once, its activities see the flag, the real clock does not move. */
class SimulatedRunTest {

    private static final Instant T0 = Instant.parse("2025-03-05T10:00:00Z");

    private final FakePopulations pops = new FakePopulations();
    private final MutableClock clock = new MutableClock(T0);
    private final List<String> log = new ArrayList<>();
    private final AtomicBoolean sawSimulated = new AtomicBoolean();
    private final List<Instant> seenAt = new ArrayList<>();

    /** Passes its input on; remembers whether its context said "simulated" and its "now". */
    private final class Probe implements ActivityType {
        @Override
        public String type() {
            return "probe";
        }

        @Override
        public List<Text> validate(ActivityDefinition def) {
            return List.of();
        }

        @Override
        public NextAction execute(ActivityContext ctx) {
            sawSimulated.set(ctx.simulated());
            seenAt.add(ctx.now());
            return NextAction.done("out", ctx.input());
        }
    }

    private final ActivityRegistry registry = BuiltInActivities.registry().register(new Probe());

    SimulatedRunTest() {
        for (long id = 1; id <= 4; id++) {
            pops.recipient(id, "ready=" + (id % 2 == 0));
        }
    }

    private WorkflowDefinition waitingWorkflow() {
        return new Flow()
                .a("start", "start")
                .a("q", "query", "condition=ready=true")
                .a("w", "wait", "days=3")
                .a("w2", "wait", "until=2030-01-01T00:00:00Z")
                .a("p", "probe")
                .a("e", "end")
                .t("start", "q")
                .t("q", "w")
                .t("w", "w2")
                .t("w2", "p")
                .t("p", "e")
                .build();
    }

    @Test
    void aSimulatedRunPassesItsWaitsAtOnceAndItsActivitiesKnowIt() {
        Execution simulation = new Execution(registry, pops, clock, (id, m) -> log.add(id + ": " + m), true);
        RunState state = simulation.start(waitingWorkflow(), "sim");
        assertEquals(RunStatus.FINISHED, state.status(), "no wait held the simulated run: " + log);
        assertEquals(2, state.transition("p>e").orElseThrow().count());
        assertTrue(sawSimulated.get(), "the activity's context says simulated");
        assertEquals(List.of(T0), seenAt, "only a wait's own execution travels in time");
        assertEquals(T0, clock.instant(), "the real clock did not move");
    }

    @Test
    void aRealRunOfTheSameWorkflowWaits() {
        Execution real = new Execution(registry, pops, clock, (id, m) -> log.add(id + ": " + m));
        RunState state = real.start(waitingWorkflow(), "real");
        assertEquals(RunStatus.STARTED, state.status());
        assertEquals(ActivityPhase.WAITING, state.phase("w"));
        assertEquals(List.of(), real.runner().due(waitingWorkflow(), state, T0.plus(Duration.ofDays(1))));
        assertFalse(sawSimulated.get());
    }
}

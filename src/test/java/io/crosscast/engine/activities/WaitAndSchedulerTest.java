package io.crosscast.engine.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityException;
import io.crosscast.engine.FakePopulations;
import io.crosscast.engine.Flow;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.Text;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaitAndSchedulerTest {

    private static final Instant NOW = Instant.parse("2025-03-05T10:15:00Z"); // a Wednesday
    private final FakePopulations pops = new FakePopulations();

    @Test
    void waitStoresItsWakeUpThenCompletesAtIt() {
        var wait = new WaitActivity();
        var def = new ActivityDefinition("w", Types.WAIT, Flow.config("days=3", "hours=2"));
        var input = pops.of(1L, 2L);

        var first = assertInstanceOf(
                NextAction.WaitUntil.class, wait.execute(Flow.context(def, input, pops, NOW, Map.of())));
        Instant expected = Instant.parse("2025-03-08T12:15:00Z");
        assertEquals(expected, first.wakeUp());
        assertEquals(Map.of(WaitActivity.WAKE_UP, expected.toString()), first.state());

        var early = assertInstanceOf(
                NextAction.WaitUntil.class,
                wait.execute(Flow.context(def, input, pops, expected.minusSeconds(1), first.state())));
        assertEquals(expected, early.wakeUp(), "the wake-up does not move");

        var done = assertInstanceOf(
                NextAction.Done.class, wait.execute(Flow.context(def, input, pops, expected, first.state())));
        assertEquals(Set.of(1L, 2L), pops.ids(done.outputs().get("out")));
    }

    @Test
    void waitUntilAnInstantAndConfigProblems() {
        var wait = new WaitActivity();
        var def = new ActivityDefinition("w", Types.WAIT, Map.of("until", "2025-04-01T00:00:00Z"));
        var first = assertInstanceOf(
                NextAction.WaitUntil.class, wait.execute(Flow.context(def, pops.of(), pops, NOW, Map.of())));
        assertEquals(Instant.parse("2025-04-01T00:00:00Z"), first.wakeUp());
        assertFalse(
                wait.validate(new ActivityDefinition("w", Types.WAIT, Map.of())).isEmpty());
        assertFalse(wait.validate(new ActivityDefinition("w", Types.WAIT, Map.of("until", "tomorrow")))
                .isEmpty());
        assertFalse(wait.validate(new ActivityDefinition("w", Types.WAIT, Map.of("minutes", "-5")))
                .isEmpty());
        assertTrue(wait.validate(new ActivityDefinition("w", Types.WAIT, Map.of("minutes", "90")))
                .isEmpty());
    }

    private static Instant next(Instant now, String... config) {
        var def = new ActivityDefinition("s", Types.SCHEDULER, Flow.config(config));
        assertEquals(java.util.List.of(), new SchedulerActivity().validate(def));
        return SchedulerActivity.nextTime(def, now);
    }

    @Test
    void schedulerDaily() {
        assertEquals(Instant.parse("2025-03-05T18:00:00Z"), next(NOW, "daily=18:00"));
        assertEquals(Instant.parse("2025-03-06T09:00:00Z"), next(NOW, "daily=09:00"), "already past today: tomorrow");
        assertEquals(Instant.parse("2025-03-05T10:15:00Z"), next(NOW, "daily=10:15"), "now counts");
        // 09:00 in Paris (UTC+1 in March before DST) = 08:00Z, past: tomorrow
        assertEquals(Instant.parse("2025-03-06T08:00:00Z"), next(NOW, "daily=09:00", "zone=Europe/Paris"));
        assertEquals(Instant.parse("2025-03-05T10:30:00Z"), next(NOW, "daily=11:30", "zone=Europe/Paris"));
    }

    @Test
    void schedulerWeeklyAndOnce() {
        assertEquals(Instant.parse("2025-03-10T09:00:00Z"), next(NOW, "weekly=MON 09:00"));
        assertEquals(Instant.parse("2025-03-05T11:00:00Z"), next(NOW, "weekly=wednesday 11:00"));
        assertEquals(Instant.parse("2025-03-12T09:00:00Z"), next(NOW, "weekly=WED 09:00"), "earlier today: next week");
        assertEquals(Instant.parse("2025-03-06T23:00:00Z"), next(NOW, "weekly=FRI 00:00", "zone=Europe/Paris"));
        assertEquals(Instant.parse("2025-06-01T00:00:00Z"), next(NOW, "at=2025-06-01T00:00:00Z"));
    }

    @Test
    void schedulerCron() {
        // NOW is Wednesday 2025-03-05 10:15:00Z.
        assertEquals(Instant.parse("2025-03-05T10:30:00Z"), next(NOW, "cron=0 0/30 * * * ?"));
        assertEquals(Instant.parse("2025-03-05T10:15:00Z"), next(NOW, "cron=0 15 10 * * ?"), "now counts");
        assertEquals(Instant.parse("2025-03-06T09:00:00Z"), next(NOW, "cron=0 0 9 ? * MON-FRI"));
        assertEquals(
                Instant.parse("2025-03-10T09:00:00Z"),
                next(Instant.parse("2025-03-07T12:00:00Z"), "cron=0 0 9 ? * MON-FRI"),
                "Friday afternoon: Monday");
        // 09:00 in Paris = 08:00Z in March (before the change to summer time)
        assertEquals(Instant.parse("2025-03-06T08:00:00Z"), next(NOW, "cron=0 0 9 * * ?", "zone=Europe/Paris"));
    }

    @Test
    void schedulerRefusesBadCronAndSeveralSchedules() {
        var bad = new ActivityDefinition("s", Types.SCHEDULER, Flow.config("cron=every monday"));
        List<Text> problems = new SchedulerActivity().validate(bad);
        assertEquals(1, problems.size(), problems.toString());
        String problem = problems.get(0).english();
        assertTrue(problem.contains("every monday") && problem.contains("cron"), problem);
        var past = new ActivityDefinition("s", Types.SCHEDULER, Flow.config("cron=0 0 0 1 1 ? 2001"));
        ActivityException over = org.junit.jupiter.api.Assertions.assertThrows(
                ActivityException.class, () -> SchedulerActivity.nextTime(past, NOW));
        assertTrue(over.getMessage().contains("never fires again"), over.getMessage());
        assertEquals("scheduler.cronOver", over.text().key());
        var two = new ActivityDefinition("s", Types.SCHEDULER, Flow.config("cron=0 0 9 * * ?", "daily=09:00"));
        assertTrue(new SchedulerActivity().validate(two).get(0).english().contains("exactly one"));
    }

    @Test
    void schedulerWaitsThenEmits() {
        var scheduler = new SchedulerActivity();
        var def = new ActivityDefinition("s", Types.SCHEDULER, Map.of("daily", "18:00"));
        var input = pops.of(5L);
        var first = assertInstanceOf(
                NextAction.WaitUntil.class, scheduler.execute(Flow.context(def, input, pops, NOW, Map.of())));
        assertEquals(Instant.parse("2025-03-05T18:00:00Z"), first.wakeUp());
        var done = assertInstanceOf(
                NextAction.Done.class,
                scheduler.execute(Flow.context(def, input, pops, first.wakeUp(), first.state())));
        assertEquals(Set.of(5L), pops.ids(done.outputs().get("out")));
    }

    @Test
    void schedulerConfigProblems() {
        var scheduler = new SchedulerActivity();
        assertFalse(scheduler
                .validate(new ActivityDefinition("s", Types.SCHEDULER, Map.of()))
                .isEmpty());
        assertFalse(scheduler
                .validate(new ActivityDefinition("s", Types.SCHEDULER, Map.of("daily", "25:00")))
                .isEmpty());
        assertFalse(scheduler
                .validate(new ActivityDefinition("s", Types.SCHEDULER, Map.of("weekly", "FUNDAY 09:00")))
                .isEmpty());
        assertFalse(scheduler
                .validate(
                        new ActivityDefinition("s", Types.SCHEDULER, Map.of("daily", "09:00", "zone", "Mars/Olympus")))
                .isEmpty());
        assertFalse(scheduler
                .validate(new ActivityDefinition(
                        "s", Types.SCHEDULER, Map.of("daily", "09:00", "at", "2025-06-01T00:00:00Z")))
                .isEmpty());
    }
}

package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds its population for a while. Config: "days", "hours", "minutes" (whole numbers, summed; at least one) or
 * "until" (an ISO-8601 instant, e.g. 2025-03-01T09:00:00Z). First execution: stores the wake-up under state key
 * {@value #WAKE_UP} and returns WaitUntil; executed again at or after it: "out" = the input population (same handle).
 * A wait point: cycles through it are allowed ({@link WaitPointActivity}).
 */
public final class WaitActivity extends WaitPointActivity {

    public static final String WAKE_UP = "wakeUp";

    @Override
    public String type() {
        return Types.WAIT;
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        boolean duration = false;
        for (String key : List.of("days", "hours", "minutes")) {
            duration |= Config.number(def, key, 0, 100_000, problems).isPresent()
                    || def.config(key).isPresent();
        }
        var until = def.config("until");
        if (until.isPresent()) {
            if (duration) {
                problems.add(Text.of("wait.durationAndUntil"));
            }
            try {
                Instant.parse(until.get());
            } catch (DateTimeParseException e) {
                problems.add(Text.of("wait.badUntil", until.get()));
            }
        } else if (!duration) {
            problems.add(Text.of("wait.nothing"));
        }
        return problems;
    }

    /** The wake-up time for a first execution at {@code now}. */
    public static Instant wakeUp(ActivityDefinition def, Instant now) {
        var until = def.config("until");
        if (until.isPresent()) {
            return Instant.parse(until.get());
        }
        Duration d = Duration.ofDays(def.config("days").map(Long::parseLong).orElse(0L))
                .plusHours(def.config("hours").map(Long::parseLong).orElse(0L))
                .plusMinutes(def.config("minutes").map(Long::parseLong).orElse(0L));
        return now.plus(d);
    }

    @Override
    Instant firstWakeUp(ActivityDefinition def, Instant now) {
        return wakeUp(def, now);
    }

    @Override
    Text waitingLog(Instant wakeUp) {
        return Text.of("wait.log.waiting", wakeUp);
    }
}

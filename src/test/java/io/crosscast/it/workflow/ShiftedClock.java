package io.crosscast.it.workflow;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The workflow clock of a test deployment: the system's, shifted by an offset the test moves on (a day at a
 * time, a month...). A CDI alternative of {@code WorkflowClock}'s producer, enabled by its priority.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class ShiftedClock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    public static void reset() {
        OFFSET.set(Duration.ZERO);
    }

    public static void plus(Duration duration) {
        OFFSET.updateAndGet(offset -> offset.plus(duration));
    }

    public static Instant now() {
        return Instant.now().plus(OFFSET.get());
    }

    @Produces
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }
}

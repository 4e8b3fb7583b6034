package io.crosscast.it.workflow;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test activities of {@link WorkflowFaultsIT}, each counting its attempts per run. */
public final class TestActivities {

    private TestActivities() {}

    /** Attempts of activity type {@code type} in run {@code runId}. */
    public static int attempts(String type, long runId) {
        AtomicInteger n = ATTEMPTS.get(type + "/" + runId);
        return n == null ? 0 : n.get();
    }

    /** Whether a "slow" activity of the run is executing now. */
    public static boolean running(long runId) {
        return RUNNING.containsKey(Long.toString(runId));
    }

    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> RUNNING = new ConcurrentHashMap<>();

    private static int attempt(String type, ActivityContext ctx) {
        return ATTEMPTS.computeIfAbsent(type + "/" + ctx.runId(), k -> new AtomicInteger())
                .incrementAndGet();
    }

    /**
     * "slow": copies its input, then takes {@code seconds} (config, default 3) before it is done, like a long
     * Query over many recipients.
     */
    @ApplicationScoped
    public static class Slow implements ActivityType {

        @Override
        public String type() {
            return "slow";
        }

        @Override
        public NextAction execute(ActivityContext ctx) {
            attempt(type(), ctx);
            RUNNING.put(ctx.runId(), Boolean.TRUE);
            try {
                PopulationHandle copy = ctx.populations().copy(ctx.input());
                Thread.sleep(1000L * Long.parseLong(ctx.config("seconds").orElse("3")));
                return NextAction.done("out", copy);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                RUNNING.remove(ctx.runId());
            }
        }
    }

    /**
     * "flaky": writes its output, then, on its first attempt in a run, fails as a lost database connection does
     * (SQLState 08006) or, with {@code permanent=true}, as a bad setting does; passes its input on afterwards.
     */
    @ApplicationScoped
    public static class Flaky implements ActivityType {

        @Override
        public String type() {
            return "flaky";
        }

        @Override
        public NextAction execute(ActivityContext ctx) {
            int attempt = attempt(type(), ctx);
            PopulationHandle copy = ctx.populations().copy(ctx.input());
            if (ctx.config("permanent").isPresent()) {
                throw new IllegalArgumentException("the condition refers to a deleted list");
            }
            if (attempt == 1) {
                throw new IllegalStateException(
                        "mid-activity",
                        new SQLException("An I/O error occurred while sending to the backend", "08006"));
            }
            return NextAction.done("out", copy);
        }
    }
}

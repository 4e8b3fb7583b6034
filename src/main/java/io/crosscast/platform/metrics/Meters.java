package io.crosscast.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;

/**
 * Registers meters in the registry the server injects. WildFly gives each deployment a registry of its own that
 * hands on to the server's (and so to {@code /metrics}) only what is registered through the registry's methods
 * ({@code counter(name, tags)}, {@code gauge(name, tags, object, function)}): a builder's {@code register()} would
 * keep the meter inside the deployment, never scraped. Hence these, and no builders.
 */
public final class Meters {

    private Meters() {}

    /** A counter named {@code name} with {@code tags} given as name, value, name, value... */
    public static Counter counter(MeterRegistry registry, String name, String... tags) {
        return registry.counter(name, Tags.of(tags));
    }

    /**
     * A gauge reading {@code state} with {@code value}; the registry holds {@code state} weakly, so the caller keeps
     * it. Returns the gauge, for {@link MeterRegistry#remove} when the application stops.
     */
    public static <T> Gauge gauge(
            MeterRegistry registry, String name, T state, ToDoubleFunction<T> value, String... tags) {
        registry.gauge(name, Tags.of(tags), state, value);
        return registry.find(name).tags(Tags.of(tags)).gauge();
    }

    /** Removes a gauge registered by {@link #gauge} (none: nothing). */
    public static void remove(MeterRegistry registry, Gauge gauge) {
        if (gauge != null) {
            registry.remove(gauge);
        }
    }
}

package io.crosscast.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a simulated run ("dry run") behaves: per delivery (its id) the rates of its recipients who open it and who
 * click each of its links (by label or URL), drawn by a hash of the recipient's id and {@code seed} (the same seed
 * gives the same people); or, when {@code script} is given, exactly the opens and clicks of a CSV script (header
 * {@code email,delivery,action,link}: a recipient's email, the delivery's id or label, {@code open} or
 * {@code click}, the clicked link's label or URL), the rates then unused.
 *
 * @param seed   the seed of the pseudo-random draws
 * @param rates  per delivery id, its rates
 * @param script the CSV script, or null
 */
public record SimulationSettings(long seed, Map<Long, Rates> rates, String script) {

    public SimulationSettings {
        rates = Map.copyOf(rates == null ? Map.of() : rates);
        script = script == null || script.isBlank() ? null : script;
    }

    /** No behaviour at all: nobody opens or clicks. */
    public static SimulationSettings none() {
        return new SimulationSettings(1, Map.of(), null);
    }

    /**
     * Rates of one delivery, whole percentages from 0 to 100.
     *
     * @param opens  of the recipients it would be sent to, how many open it
     * @param clicks per link (its label, or its URL), how many click it
     */
    public record Rates(int opens, Map<String, Integer> clicks) {
        public Rates {
            clicks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clicks == null ? Map.of() : clicks));
            Objects.checkIndex(opens, 101);
            clicks.values().forEach(rate -> Objects.checkIndex(rate, 101));
        }
    }
}

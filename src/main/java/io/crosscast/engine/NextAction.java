package io.crosscast.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** What an activity tells the runner after one execution. */
public sealed interface NextAction {

    /**
     * The activity is finished. {@code outputs}: output name to population; an output absent from the map fires no
     * transition (its downstream is skipped). {@code data}: extra values attached to the outbound populations
     * (e.g. a delivery id), merged over the data that came in. {@code kept}: state the activity keeps while DONE
     * and gets back on its next pass on a loop (a Jump's pass count); empty for most (the state is cleared).
     */
    record Done(Map<String, PopulationHandle> outputs, Map<String, String> data, Map<String, String> kept)
            implements NextAction {
        public Done {
            outputs = Map.copyOf(outputs);
            data = data == null ? Map.of() : Map.copyOf(data);
            kept = kept == null ? Map.of() : Map.copyOf(kept);
        }

        public Done(Map<String, PopulationHandle> outputs, Map<String, String> data) {
            this(outputs, data, Map.of());
        }
    }

    /** Execute me again at or after {@code wakeUp}; {@code state} is handed back on the next execution. */
    record WaitUntil(Instant wakeUp, Map<String, String> state) implements NextAction {
        public WaitUntil {
            Objects.requireNonNull(wakeUp, "wakeUp");
            state = state == null ? Map.of() : Map.copyOf(state);
        }
    }

    /** The activity failed: why, in any language ({@link #message()}: in English). */
    record Failed(Text text) implements NextAction {
        public Failed {
            Objects.requireNonNull(text, "text");
        }

        public String message() {
            return text.english();
        }
    }

    static Done done(Map<String, PopulationHandle> outputs) {
        return new Done(outputs, Map.of());
    }

    static Done done(Map<String, PopulationHandle> outputs, Map<String, String> data) {
        return new Done(outputs, data);
    }

    static Done done(String output, PopulationHandle population) {
        return new Done(Map.of(output, population), Map.of());
    }

    /** Finished, no output fires (End). */
    static Done done() {
        return new Done(Map.of(), Map.of());
    }

    static WaitUntil waitUntil(Instant wakeUp, Map<String, String> state) {
        return new WaitUntil(wakeUp, state);
    }

    static Failed failed(Text why) {
        return new Failed(why);
    }
}

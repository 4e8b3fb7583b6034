package io.crosscast.workflow.activities;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.Text;
import java.util.List;

/**
 * Base of the activities that may pass their population on (the deliveries, List update): their setting
 * {@code outbound} {@code true} gives them the output "out", {@code false} (the default) no output.
 */
abstract class OutboundActivity implements ActivityType {

    static final String OUTBOUND = "outbound";

    @Override
    public List<String> outputs(ActivityDefinition def) {
        return isOutbound(def) ? List.of("out") : List.of();
    }

    /** Whether the population goes on through "out". */
    static boolean isOutbound(ActivityDefinition def) {
        return Boolean.parseBoolean(def.config(OUTBOUND).orElse("false"));
    }

    /** Adds a problem when the setting is neither {@code true} nor {@code false} (in any case). */
    static void checkOutbound(ActivityDefinition def, List<Text> problems) {
        def.config(OUTBOUND)
                .filter(v -> !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false"))
                .ifPresent(v -> problems.add(Text.of("config.notBoolean", OUTBOUND, v)));
    }
}

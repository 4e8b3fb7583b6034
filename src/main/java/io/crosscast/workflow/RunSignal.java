package io.crosscast.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An external signal a run received: its name, the waiting activities it reached, its parameters, when, and
 * whether it had come already ({@code duplicate}: counted once, nothing done again).
 */
public record RunSignal(
        long runId,
        String name,
        List<String> activities,
        Map<String, String> parameters,
        Instant receivedAt,
        boolean duplicate) {

    public RunSignal {
        activities = List.copyOf(activities);
        parameters = Map.copyOf(parameters);
    }
}

package io.crosscast.web.api;

import io.crosscast.workflow.RunSignal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A signal a run received: {@code {"runId": 12, "signal": "paid", "activities": ["wait_payment"], "parameters":
 * {"orderId": "A-42"}, "receivedAt": "...", "duplicate": false}}. {@code duplicate}: it had come already and was
 * counted once.
 */
public record SignalDto(
        long runId,
        String signal,
        List<String> activities,
        Map<String, String> parameters,
        String receivedAt,
        boolean duplicate) {

    static SignalDto of(RunSignal signal) {
        return new SignalDto(
                signal.runId(),
                signal.name(),
                signal.activities(),
                new TreeMap<>(signal.parameters()),
                signal.receivedAt().toString(),
                signal.duplicate());
    }

    /** {@code GET /api/runs/{id}/signals}: {@code {"items": [...]}}. */
    public record SignalsDto(List<SignalDto> items) {}
}

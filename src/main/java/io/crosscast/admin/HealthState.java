package io.crosscast.admin;

import java.util.Map;

/** One health check's answer: up or down, and what an operator reads beside it. */
public record HealthState(boolean up, Map<String, String> data) {

    static HealthState up(Map<String, String> data) {
        return new HealthState(true, data);
    }

    static HealthState down(Map<String, String> data) {
        return new HealthState(false, data);
    }
}

package io.crosscast.engine;

/** Where activities write human-readable lines about a run (the container stores them with the run). */
@FunctionalInterface
public interface RunLog {

    void write(String activityId, String message);

    static RunLog none() {
        return (activityId, message) -> { };
    }
}

package io.crosscast.engine;

/**
 * Where activities write lines about a run (the container stores them with the run). A line is a {@link Text}, so
 * that each reader sees it in their language.
 */
@FunctionalInterface
public interface RunLog {

    void write(String activityId, Text message);

    static RunLog none() {
        return (activityId, message) -> {};
    }
}

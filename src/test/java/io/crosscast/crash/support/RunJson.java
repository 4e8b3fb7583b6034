package io.crosscast.crash.support;

import jakarta.json.JsonObject;

/** Reading a run as {@code GET /api/runs/{id}} gives it: an activity's phase, a transition's count. */
public final class RunJson {

    private RunJson() {}

    /** The activity's phase (e.g. DONE), or null when the run has not reached it. */
    public static String phase(JsonObject run, String activity) {
        JsonObject activities = run.getJsonObject("activities");
        return activities.containsKey(activity)
                ? activities.getJsonObject(activity).getString("phase", null)
                : null;
    }

    /** The transition's count, -1 when it has none yet. */
    public static long count(JsonObject run, String transition) {
        JsonObject transitions = run.getJsonObject("transitions");
        return transitions.containsKey(transition)
                ? transitions.getJsonObject(transition).getJsonNumber("count").longValue()
                : -1;
    }
}

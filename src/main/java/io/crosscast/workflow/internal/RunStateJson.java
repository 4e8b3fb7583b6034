package io.crosscast.workflow.internal;

import static io.crosscast.platform.JsonValues.JSON;

import io.crosscast.engine.ActivityPhase;
import io.crosscast.engine.ActivityState;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.RunState;
import io.crosscast.engine.RunStatus;
import io.crosscast.engine.Text;
import io.crosscast.engine.TransitionState;
import io.crosscast.platform.JsonValues;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's {@link RunState} as the JSON kept in {@code workflow_run.state_json}, and back. A failed activity has
 * its English "message" and its "text" ({@link TextJson}).
 */
public final class RunStateJson {

    private RunStateJson() {}

    public static String write(RunState state) {
        JsonObjectBuilder activities = JSON.createObjectBuilder();
        state.activities().forEach((id, a) -> {
            JsonObjectBuilder o =
                    JSON.createObjectBuilder().add("phase", a.phase().name());
            if (a.wakeUp() != null) {
                o.add("wakeUp", a.wakeUp().toString());
            }
            if (a.failure() != null) {
                o.add("message", a.message());
                o.add("text", TextJson.toJson(a.failure()));
            }
            o.add("stored", JsonValues.strings(a.stored()));
            activities.add(id, o);
        });
        JsonObjectBuilder transitions = JSON.createObjectBuilder();
        state.transitions().forEach((id, t) -> {
            JsonObjectBuilder o = JSON.createObjectBuilder()
                    .add("fired", t.fired())
                    .add("count", t.count())
                    .add("consumed", t.consumed())
                    .add("data", JsonValues.strings(t.data()));
            if (t.population() != null) {
                o.add("population", t.population().id());
            }
            transitions.add(id, o);
        });
        return JSON.createObjectBuilder()
                .add("runId", state.runId())
                .add("status", state.status().name())
                .add("activities", activities)
                .add("transitions", transitions)
                .build()
                .toString();
    }

    public static RunState read(String json) {
        JsonObject root = JsonValues.read(json).asJsonObject();
        Map<String, ActivityState> activities = new LinkedHashMap<>();
        root.getJsonObject("activities").forEach((id, value) -> {
            JsonObject a = value.asJsonObject();
            activities.put(
                    id,
                    new ActivityState(
                            ActivityPhase.valueOf(a.getString("phase")),
                            a.containsKey("wakeUp") ? Instant.parse(a.getString("wakeUp")) : null,
                            failure(a),
                            JsonValues.texts(a.getJsonObject("stored"))));
        });
        Map<String, TransitionState> transitions = new LinkedHashMap<>();
        root.getJsonObject("transitions").forEach((id, value) -> {
            JsonObject t = value.asJsonObject();
            transitions.put(
                    id,
                    new TransitionState(
                            t.getBoolean("fired"),
                            t.containsKey("population") ? new PopulationHandle(t.getString("population")) : null,
                            t.getJsonNumber("count").longValue(),
                            JsonValues.texts(t.getJsonObject("data")),
                            t.getBoolean("consumed")));
        });
        return new RunState(
                root.getString("runId"), RunStatus.valueOf(root.getString("status")), activities, transitions);
    }

    /**
     * A failed activity's text: stored as "text" beside its English "message"; a state written before texts had
     * keys has only the message, shown as it is.
     */
    private static Text failure(JsonObject activity) {
        String message = activity.getString("message", null);
        return TextJson.fromJson(activity.get("text")).orElseGet(() -> message == null ? null : Text.verbatim(message));
    }
}

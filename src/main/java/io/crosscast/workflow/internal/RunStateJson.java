package io.crosscast.workflow.internal;

import io.crosscast.engine.ActivityPhase;
import io.crosscast.engine.ActivityState;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.RunState;
import io.crosscast.engine.RunStatus;
import io.crosscast.engine.Text;
import io.crosscast.engine.TransitionState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's {@link RunState} as the JSON kept in {@code workflow_run.state_json}, and back. A failed activity has
 * its English "message" and its "text" ({@link TextJson}).
 */
public final class RunStateJson {

    private RunStateJson() {
    }

    public static String write(RunState state) {
        JsonObjectBuilder activities = Json.createObjectBuilder();
        state.activities().forEach((id, a) -> {
            JsonObjectBuilder o = Json.createObjectBuilder().add("phase", a.phase().name());
            if (a.wakeUp() != null) {
                o.add("wakeUp", a.wakeUp().toString());
            }
            if (a.failure() != null) {
                o.add("message", a.message());
                o.add("text", TextJson.toJson(a.failure()));
            }
            o.add("stored", map(a.stored()));
            activities.add(id, o);
        });
        JsonObjectBuilder transitions = Json.createObjectBuilder();
        state.transitions().forEach((id, t) -> {
            JsonObjectBuilder o = Json.createObjectBuilder().add("fired", t.fired()).add("count", t.count())
                    .add("consumed", t.consumed()).add("data", map(t.data()));
            if (t.population() != null) {
                o.add("population", t.population().id());
            }
            transitions.add(id, o);
        });
        return Json.createObjectBuilder().add("runId", state.runId()).add("status", state.status().name())
                .add("activities", activities).add("transitions", transitions).build().toString();
    }

    public static RunState read(String json) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        }
        Map<String, ActivityState> activities = new LinkedHashMap<>();
        root.getJsonObject("activities").forEach((id, value) -> {
            JsonObject a = value.asJsonObject();
            activities.put(id, new ActivityState(ActivityPhase.valueOf(a.getString("phase")),
                    a.containsKey("wakeUp") ? Instant.parse(a.getString("wakeUp")) : null,
                    failure(a), strings(a.getJsonObject("stored"))));
        });
        Map<String, TransitionState> transitions = new LinkedHashMap<>();
        root.getJsonObject("transitions").forEach((id, value) -> {
            JsonObject t = value.asJsonObject();
            transitions.put(id, new TransitionState(t.getBoolean("fired"),
                    t.containsKey("population") ? new PopulationHandle(t.getString("population")) : null,
                    t.getJsonNumber("count").longValue(), strings(t.getJsonObject("data")), t.getBoolean("consumed")));
        });
        return new RunState(root.getString("runId"), RunStatus.valueOf(root.getString("status")), activities,
                transitions);
    }

    /**
     * A failed activity's text: stored as "text" beside its English "message"; a state written before texts had
     * keys has only the message, shown as it is.
     */
    private static Text failure(JsonObject activity) {
        String message = activity.getString("message", null);
        return TextJson.fromJson(activity.get("text")).orElseGet(() -> message == null ? null : Text.verbatim(message));
    }

    private static JsonObjectBuilder map(Map<String, String> values) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        values.forEach(o::add);
        return o;
    }

    private static Map<String, String> strings(JsonObject object) {
        Map<String, String> values = new LinkedHashMap<>();
        if (object != null) {
            object.forEach((key, value) -> values.put(key, value.getValueType() == JsonValue.ValueType.STRING
                    ? ((jakarta.json.JsonString) value).getString() : value.toString()));
        }
        return values;
    }
}

package io.crosscast.web.api;

import io.crosscast.workflow.SimulationSettings;
import io.crosscast.workflow.WorkflowException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /api/workflows/{id}/simulations}: {@code seed} (a whole number, default 1),
 * {@code rates} (per delivery id: {@code opens} and {@code clicks} per link label or URL, whole percentages),
 * {@code script} (CSV text); all optional (no body: nobody opens or clicks).
 */
final class SimulationRequest {

    private SimulationRequest() {}

    static SimulationSettings settings(JsonObject body) {
        if (body == null) {
            return SimulationSettings.none();
        }
        try {
            long seed = body.containsKey("seed") ? body.getJsonNumber("seed").longValueExact() : 1;
            Map<Long, SimulationSettings.Rates> rates = new LinkedHashMap<>();
            JsonObject all = body.containsKey("rates") ? body.getJsonObject("rates") : JsonValue.EMPTY_JSON_OBJECT;
            for (Map.Entry<String, JsonValue> entry : all.entrySet()) {
                JsonObject r = entry.getValue().asJsonObject();
                Map<String, Integer> clicks = new LinkedHashMap<>();
                JsonObject c = r.containsKey("clicks") ? r.getJsonObject("clicks") : JsonValue.EMPTY_JSON_OBJECT;
                c.forEach((link, rate) -> clicks.put(link, ((JsonNumber) rate).intValueExact()));
                int opens = r.containsKey("opens") ? r.getJsonNumber("opens").intValueExact() : 0;
                rates.put(Long.valueOf(entry.getKey()), new SimulationSettings.Rates(opens, clicks));
            }
            String script = body.containsKey("script") && !body.isNull("script")
                    ? ((JsonString) body.get("script")).getString()
                    : null;
            return new SimulationSettings(seed, rates, script);
        } catch (ClassCastException
                | ArithmeticException
                | NullPointerException
                | IndexOutOfBoundsException
                | NumberFormatException e) {
            throw new WorkflowException(
                    "A simulation's body is {\"seed\": 1, \"rates\": {\"<deliveryId>\": {\"opens\": 0-100,"
                            + " \"clicks\": {\"<link>\": 0-100}}}, \"script\": \"<CSV>\"}: " + e.getMessage());
        }
    }
}

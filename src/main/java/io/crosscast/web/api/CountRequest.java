package io.crosscast.web.api;

import jakarta.json.JsonObject;

/** The body of {@code POST /api/recipients/count}: {@code {"condition": ...}}; no condition counts everyone. */
public class CountRequest {

    private JsonObject condition;

    public JsonObject getCondition() {
        return condition;
    }

    public void setCondition(JsonObject condition) {
        this.condition = condition;
    }
}

package io.crosscast.web.api;

import jakarta.json.JsonObject;

/**
 * The body of {@code POST /api/lists/{id}/members}: {@code {"condition": ..., "mode": "add"}}. The
 * condition is required; the mode is {@code add} (default), {@code replace} or {@code remove}.
 */
public class MembersChangeRequest {

    private JsonObject condition;
    private String mode;

    public JsonObject getCondition() {
        return condition;
    }

    public void setCondition(JsonObject condition) {
        this.condition = condition;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}

package io.crosscast.web.api;

import io.crosscast.workflow.Workflow;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;

/**
 * A workflow as the API shows it: {@code {"id": 3, "name": "...", "updatedAt": "2026-...Z", "document": {...}}},
 * where {@code document} is the workflow's JSON document exactly as it was stored (docs/WORKFLOW-FORMAT.md),
 * ready to be sent to {@code POST /api/workflows} on another server.
 */
@JsonbPropertyOrder({"id", "name", "updatedAt", "document"})
public record WorkflowDto(long id, String name, String updatedAt, JsonObject document) {

    /** The longest workflow name (the database column's size). */
    public static final int MAX_NAME = 200;

    /** The workflow's API form. */
    public static WorkflowDto of(Workflow w) {
        return new WorkflowDto(
                w.getId() == null ? 0 : w.getId(),
                w.getName(),
                w.getUpdatedAt() == null ? null : w.getUpdatedAt().toString(),
                document(w.getDefinitionJson()));
    }

    /** A stored document as a JSON object; stored documents were checked when saved. */
    static JsonObject document(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalStateException("A stored workflow document is not a JSON object", e);
        }
    }

    /**
     * The name of a workflow document: its {@code "name"}, a non-empty text of at most {@value #MAX_NAME}
     * characters (leading and trailing spaces removed); otherwise a 400 about the field {@code name}.
     */
    public static String nameOf(JsonObject document) {
        JsonValue value = document == null ? null : document.get("name");
        if (!(value instanceof JsonString text) || text.getString().isBlank()) {
            throw ApiException.badRequest(
                    "name", "workflow.nameRequired", "The workflow document needs a \"name\": a non-empty text.");
        }
        String name = text.getString().strip();
        if (name.length() > MAX_NAME) {
            throw ApiException.badRequest(
                    "name",
                    "workflow.nameTooLong",
                    "A workflow name has at most " + MAX_NAME + " characters; got " + name.length() + ".");
        }
        return name;
    }
}

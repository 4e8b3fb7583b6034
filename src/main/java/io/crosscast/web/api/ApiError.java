package io.crosscast.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every error answer of the REST API, never a stack trace or an HTML page:
 *
 * <pre>
 * {"status":400,"error":"Bad Request","code":"condition.invalid","message":"...","field":"condition",
 *  "problems":[{"code":"UNKNOWN_FIELD","message":"Unknown field 'shoeSize'","path":"/children/0"}]}
 * </pre>
 *
 * <p>{@code code}, {@code field} and {@code problems} are left out when they do not apply. The JSON is
 * written with JSON-P ({@link #toJson()}), so the servlet filter that refuses unauthenticated calls and the
 * exception mappers write exactly the same shape.
 *
 * @param status   the HTTP status
 * @param error    the status's reason phrase ({@code "Not Found"})
 * @param code     what went wrong, stable for clients ({@code recipient.emailTaken}); may be null
 * @param message  what went wrong, in English, for a person
 * @param field    the request body's field it is about ({@code email}); may be null
 * @param problems for conditions: each problem with its JSON pointer into the condition; for workflows:
 *                 each problem's message only; may be empty
 */
@Schema(
        name = "Error",
        description = "Every error answer: status and reason, a stable code, an English message; field and problems"
                + " only when they apply (docs/API.md, Errors).",
        requiredProperties = {"status", "error", "message"})
public record ApiError(int status, String error, String code, String message, String field, List<Problem> problems) {

    /**
     * One thing wrong with a condition or a workflow.
     *
     * @param code    a {@link io.crosscast.audience.condition.ProblemCode} name; null (left out) for a workflow
     * @param message the problem in English
     * @param path    a JSON pointer into the condition ({@code /children/1}; {@code /} for the root); null
     *                (left out) for a workflow
     */
    @Schema(
            name = "Problem",
            description = "One thing wrong: a code and a JSON pointer into the body or condition when known.",
            requiredProperties = {"message"})
    public record Problem(String code, String message, String path) {

        /** A problem known only by its message (a workflow's); code and path are left out of the JSON. */
        public static Problem message(String message) {
            return new Problem(null, message, null);
        }
    }

    /** Fills in the reason phrase when it is null and freezes the problems. */
    public ApiError {
        Objects.requireNonNull(message, "message");
        error = error == null ? reasonPhrase(status) : error;
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** An error without field or problems. */
    public static ApiError of(int status, String code, String message) {
        return new ApiError(status, null, code, message, null, List.of());
    }

    /** The same error about a field of the request body. */
    public ApiError withField(String name) {
        return new ApiError(status, error, code, message, name, problems);
    }

    /** The same error with these condition problems. */
    public ApiError withProblems(List<Problem> list) {
        return new ApiError(status, error, code, message, field, list);
    }

    /** The error as a JSON object, keys in the documented order, absent parts left out. */
    public JsonObject toJson() {
        JsonObjectBuilder json =
                Json.createObjectBuilder().add("status", status).add("error", error);
        if (code != null) {
            json.add("code", code);
        }
        json.add("message", message);
        if (field != null) {
            json.add("field", field);
        }
        if (!problems.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (Problem problem : problems) {
                JsonObjectBuilder item = Json.createObjectBuilder();
                if (problem.code() != null) {
                    item.add("code", problem.code());
                }
                item.add("message", problem.message());
                if (problem.path() != null) {
                    item.add("path", problem.path());
                }
                array.add(item);
            }
            json.add("problems", array);
        }
        return json.build();
    }

    /** {@link #toJson()} as compact text. */
    public String toJsonText() {
        return toJson().toString();
    }

    /** The standard reason phrase of an HTTP status ({@code "Conflict"}), or {@code "Error"} if unknown. */
    public static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}

package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void absentPartsAreLeftOutAndKeysKeepTheDocumentedOrder() {
        ApiError error = ApiError.of(404, "recipient.notFound", "Recipient 7 does not exist.");

        assertEquals(
                "{\"status\":404,\"error\":\"Not Found\",\"code\":\"recipient.notFound\","
                        + "\"message\":\"Recipient 7 does not exist.\"}",
                error.toJsonText());
    }

    @Test
    void fieldAndProblemsAreWrittenWhenPresent() {
        ApiError error = ApiError.of(400, "condition.invalid", "The condition is not valid: x")
                .withField("condition")
                .withProblems(List.of(new ApiError.Problem("UNKNOWN_FIELD", "Unknown field 'x'", "/children/0")));

        JsonObject json = parse(error.toJsonText());
        assertEquals(400, json.getInt("status"));
        assertEquals("Bad Request", json.getString("error"));
        assertEquals("condition", json.getString("field"));
        JsonObject problem = json.getJsonArray("problems").getJsonObject(0);
        assertEquals("UNKNOWN_FIELD", problem.getString("code"));
        assertEquals("Unknown field 'x'", problem.getString("message"));
        assertEquals("/children/0", problem.getString("path"));
    }

    @Test
    void textIsEscapedAsJson() {
        String hostile = "\"}<script>alert(1)</script>\n";
        JsonObject json = parse(ApiError.of(400, null, hostile).toJsonText());
        assertEquals(hostile, json.getString("message"));
        assertFalse(json.containsKey("code"));
    }

    @Test
    void reasonPhrasesComeFromTheStatus() {
        assertEquals("Conflict", ApiError.reasonPhrase(409));
        assertEquals("Unauthorized", ApiError.reasonPhrase(401));
        assertEquals("Unsupported Media Type", ApiError.reasonPhrase(415));
        assertEquals("Error", ApiError.reasonPhrase(599));
    }

    static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}

package io.crosscast.it.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A client of the REST API for the tests: {@link HttpClient} with an optional {@code Authorization}
 * header, no cookies (each call stands alone, as for a script), answers parsed with JSON-P.
 */
public final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI api;
    private final String authorization;

    private ApiClient(HttpClient http, URI api, String authorization) {
        this.http = http;
        this.api = api;
        this.authorization = authorization;
    }

    /** A client signed in as {@code user} with HTTP Basic. */
    public static ApiClient as(URL base, String user, String password) {
        return withAuthorization(
                base,
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client that sends this {@code Authorization} header, or none if it is null. */
    static ApiClient withAuthorization(URL base, String authorization) {
        return new ApiClient(
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(TIMEOUT)
                        .build(),
                apiOf(base),
                authorization);
    }

    /** A client on an existing {@link HttpClient} (e.g. one that keeps the cookies of a signed-in browser). */
    static ApiClient on(HttpClient http, URL base, String authorization) {
        return new ApiClient(http, apiOf(base), authorization);
    }

    private static URI apiOf(URL base) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root + "api/");
    }

    /** The {@code Authorization} header this client sends, or null. */
    String authorization() {
        return authorization;
    }

    /** The absolute address of an API path such as {@code recipients/12}. */
    URI uri(String path) {
        return api.resolve(path);
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply post(String path, JsonObject body) {
        return send("POST", path, "application/json", body.toString());
    }

    public Reply put(String path, JsonObject body) {
        return send("PUT", path, "application/json", body.toString());
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    Reply delete(String path, JsonObject body) {
        return send("DELETE", path, "application/json", body.toString());
    }

    /** Any request: a method, a path under {@code /api/}, a content type and a body (both may be null). */
    Reply send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, null);
    }

    Reply send(String method, String path, String contentType, String body, String accept) {
        return send(method, path, contentType, body, accept, null);
    }

    /** A request that also sends a {@code Cookie} header (null: none). */
    Reply send(String method, String path, String contentType, String body, String accept, String cookie) {
        return send(method, path, contentType, body, accept, cookie, Map.of());
    }

    /** A request that also sends a {@code Cookie} header (null: none) and other headers. */
    Reply send(
            String method,
            String path,
            String contentType,
            String body,
            String accept,
            String cookie,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(TIMEOUT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", accept == null ? "application/json" : accept);
        if (cookie != null && !cookie.isBlank()) {
            request.header("Cookie", cookie);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** An answer: status, headers and body text. */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON object (status " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        boolean isJson() {
            String type = header("Content-Type");
            return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    // ---- small JSON builders for the tests' bodies ----

    static JsonObjectBuilder object() {
        return Json.createObjectBuilder();
    }

    /** A rule of a condition. */
    public static JsonObject rule(String field, String operator, String... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String value : values) {
            array.add(value);
        }
        return object().add("field", field)
                .add("operator", operator)
                .add("values", array)
                .build();
    }

    /** An AND group of conditions. */
    static JsonObject and(JsonObject... children) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObject child : children) {
            array.add(child);
        }
        return object().add("logic", "and").add("children", array).build();
    }

    /** {@code {"condition": condition}}. */
    public static JsonObject withCondition(JsonObject condition) {
        return object().add("condition", condition).build();
    }

    static JsonArray ids(long... ids) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (long id : ids) {
            array.add(id);
        }
        return array.build();
    }
}

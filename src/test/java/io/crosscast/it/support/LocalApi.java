package io.crosscast.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * For in-container tests that drive a scenario as a script would: the REST API of the server the test runs in,
 * signed in as the demo marketer (HTTP Basic), and the public tracking URLs of received messages (redirects not
 * followed: a click's answer is its 302).
 */
public final class LocalApi {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String api;
    private final String authorization;

    private LocalApi(String user, String password) {
        this.api = "http://localhost:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0))
                + "/crosscast/api/";
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static LocalApi asMarketer() {
        return new LocalApi("marketer", "marketer");
    }

    /** A request to a path under {@code /api/}; the body (JSON text) may be null. */
    public HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** A GET answered 200, as JSON. */
    public JsonObject get(String path) {
        HttpResponse<String> response = call("GET", path, null);
        assertEquals(200, response.statusCode(), () -> "GET " + path + ": " + response.body());
        return json(response.body());
    }

    /** POSTs a resource that must be created (201) and returns its {@code id}. */
    public long create(String path, String body) {
        HttpResponse<String> response = call("POST", path, body);
        assertEquals(201, response.statusCode(), () -> "POST " + path + ": " + response.body());
        return json(response.body()).getJsonNumber("id").longValue();
    }

    /** Saves a workflow document and starts a run of it; returns the run's id. */
    public long startWorkflow(String document) {
        long workflow = create("workflows", document);
        HttpResponse<String> started = call("POST", "workflows/" + workflow + "/runs", "{}");
        assertEquals(201, started.statusCode(), started.body());
        return json(started.body()).getJsonNumber("runId").longValue();
    }

    public JsonObject run(long runId) {
        return get("runs/" + runId);
    }

    /** Waits until the run has this status and returns it then. */
    public JsonObject awaitRun(long runId, String status, Duration patience) {
        assertTrue(
                Polling.eventually(patience, () -> status.equals(run(runId).getString("status"))),
                () -> status + ": " + run(runId));
        return run(runId);
    }

    /** A hit on a tracking URL with a browser's GET; it must be answered 200 (open) or 302 (click). */
    public void hit(String url) {
        hit("GET", url, null);
    }

    /** A hit with this method and {@code User-Agent} (null: the client's own). */
    public void hit(String method, String url, String userAgent) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + url + " interrupted", e);
        }
        assertTrue(status == 200 || status == 302, method + " " + url + " -> " + status);
    }

    /** The count a run's {@code transitions} object gives one transition, -1 when it has none. */
    public static long count(JsonObject transitions, String id) {
        JsonObject t = transitions.getJsonObject(id);
        return t == null || t.isNull("count") ? -1 : t.getJsonNumber("count").longValue();
    }

    public static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}

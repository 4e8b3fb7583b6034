package io.crosscast.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.PrometheusText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform's health and metrics endpoints on the test server's management interface, without credentials as a
 * load balancer and Prometheus read them: readiness, liveness and startup UP with the application's own checks
 * among the server's, and the application's gauges and counters in the Prometheus text.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    private static final int MANAGEMENT = Integer.getInteger("it.management.port", 10090);

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @Test
    void readinessIsUpWithTheDatabaseTheSchedulerAndNoStop() throws Exception {
        JsonObject ready = health("/health/ready", 200);
        assertEquals("UP", ready.getString("status"), ready.toString());
        Map<String, JsonObject> checks = checks(ready);
        assertEquals("UP", checks.get("crosscast-database").getString("status"), ready.toString());
        JsonObject database = checks.get("crosscast-database").getJsonObject("data");
        assertEquals(database.getString("expected"), database.getString("schema"), "migrated: " + database);
        assertEquals("UP", checks.get("crosscast-scheduler").getString("status"), ready.toString());
        assertEquals("UP", checks.get("crosscast-accepting-work").getString("status"), ready.toString());
        assertNotNull(checks.get("deployments-status"), "the server's own readiness checks too: " + ready);
        assertEquals("UP", checks.get("suspend-state").getString("status"), "not suspended: " + ready);
    }

    @Test
    void livenessAndStartupAreUp() throws Exception {
        JsonObject live = health("/health/live", 200);
        assertEquals("UP", live.getString("status"), live.toString());
        assertEquals("UP", checks(live).get("crosscast-live").getString("status"), live.toString());
        JsonObject started = health("/health/started", 200);
        assertEquals("UP", started.getString("status"), started.toString());
    }

    @Test
    void metricsServeTheApplicationsMetersAsPrometheusText() throws Exception {
        PrometheusText metrics = PrometheusText.scrape(MANAGEMENT);
        for (String meter : new String[] {
            "crosscast_sending_queue",
            "crosscast_tracking_queue",
            "crosscast_tracking_uncopied",
            "crosscast_quartz_misfires_total"
        }) {
            assertNotNull(metrics.value(meter), meter + " in " + metrics.text());
        }
        assertNotNull(metrics.value("crosscast_workflow_runs", "state=\"started\""), metrics.text());
        assertNotNull(
                metrics.value("crosscast_messages_total", "channel=\"sms\"", "result=\"failed\""), metrics.text());
        assertNotNull(metrics.value("crosscast_smtp_errors_total", "kind=\"connection_failed\""), metrics.text());
        assertNotNull(metrics.value("crosscast_smpp_errors_total", "kind=\"rejected\""), metrics.text());
    }

    private JsonObject health(String path, int status) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + MANAGEMENT + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static Map<String, JsonObject> checks(JsonObject health) {
        Map<String, JsonObject> byName = new HashMap<>();
        for (JsonValue check : health.getJsonArray("checks")) {
            byName.put(check.asJsonObject().getString("name"), check.asJsonObject());
        }
        return byName;
    }
}

package io.crosscast.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.crash.support.CrashServer;
import io.crosscast.crash.support.JavaProcess;
import io.crosscast.crash.support.OutageDatabase;
import io.crosscast.crash.support.TcpRelay;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Readiness follows a real database outage: the crash-test server (a WildFly process) runs on a database reached
 * over TCP through a process of the test's own: on H2, an H2 TCP server (the database itself stops); on PostgreSQL,
 * a {@link TcpRelay} in front of the local cluster (the database is gone for the server). With the server up,
 * {@code /health/ready} answers 200 UP; once that process is stopped it answers 503 with {@code crosscast-database}
 * DOWN while liveness stays UP; once it is started again readiness is UP again, with no restart of the server.
 */
@EnabledIfSystemProperty(named = "crash.enabled", matches = "true")
class DatabaseOutageCrashIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final int offset = CrashServer.portOffset();
    private final OutageDatabase outage = new OutageDatabase();

    private final int managementPort = 9990 + offset;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessGoesDownWhenTheDatabaseStopsAndUpWhenItIsBack() throws Exception {
        Path dir = Path.of(System.getProperty("crash.server.dir", "target/crash-server"))
                .toAbsolutePath()
                .resolveSibling("outage-database");
        JavaProcess database = outage.startEmpty(dir);
        try (CrashServer server = new CrashServer(outage.serverProperties())) {
            server.peer("database", database, () -> true);
            server.start();

            Health ready = health("/health/ready");
            assertEquals(200, ready.status(), ready.toString());
            assertEquals("UP", ready.check("crosscast-database"), ready.toString());

            database.close();
            System.out.println("CRASH outage: database process stopped");
            assertTrue(
                    server.waitFor(PATIENCE, () -> health("/health/ready").status() == 503),
                    "readiness goes down once the database is gone");
            Health down = health("/health/ready");
            assertEquals("DOWN", down.check("crosscast-database"), down.toString());
            assertEquals("UP", down.check("crosscast-scheduler"), down.toString());
            Health live = health("/health/live");
            assertEquals(200, live.status(), "liveness does not depend on the database: " + live);

            database = outage.start(dir);
            server.peer("database again", database, () -> true);
            System.out.println("CRASH outage: database process started again");
            assertTrue(
                    server.waitFor(PATIENCE, () -> health("/health/ready").status() == 200),
                    "readiness is up again once the database is back");
            Health back = health("/health/ready");
            assertEquals("UP", back.check("crosscast-database"), back.toString());
        } finally {
            database.close();
        }
    }

    private record Health(int status, JsonObject body) {
        String check(String name) {
            for (JsonValue check : body.getJsonArray("checks")) {
                if (name.equals(check.asJsonObject().getString("name"))) {
                    return check.asJsonObject().getString("status");
                }
            }
            return "missing";
        }
    }

    private Health health(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return new Health(response.statusCode(), reader.readObject());
            }
        } catch (IOException e) {
            return new Health(
                    -1,
                    Json.createObjectBuilder()
                            .add("checks", Json.createArrayBuilder())
                            .build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.crosscast.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.crosscast.it.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document the server generates from the REST API's resources (wildfly-config/openapi.cli,
 * served at {@code /openapi}) is exactly {@code docs/openapi.yaml}: a change to the API without a change to
 * the document fails here. With {@code -Dopenapi.write=true} the test writes the served document into
 * {@code docs/openapi.yaml} instead of comparing (see the README, "OpenAPI document").
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiDocumentIT {

    static final Path COMMITTED = Path.of("docs", "openapi.yaml");

    private static final String REGENERATE =
            "./mvnw verify -DskipUnitTests=true -Dit.test=OpenApiDocumentIT" + " -Dopenapi.write=true";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    @ArquillianResource
    private URL base;

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException, InterruptedException {
        HttpResponse<String> served = get("/openapi", "application/yaml");
        assertEquals(200, served.statusCode(), served::body);
        String document = normalised(served.body());
        assertTrue(document.lines().anyMatch(line -> line.startsWith("openapi: 3.")), document);

        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, document, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        if (!committed.equals(document)) {
            fail(COMMITTED + " is not the document the server serves at /openapi ("
                    + firstDifference(committed, document)
                    + "). If the API changed on purpose, regenerate the file with\n    " + REGENERATE
                    + "\nreview the change with git diff and commit it with the API change.");
        }
    }

    @Test
    void theDocumentIsAlsoServedAsJsonWithTheSamePaths() throws IOException, InterruptedException {
        HttpResponse<String> served = get("/openapi?format=JSON", "application/json");
        assertEquals(200, served.statusCode(), served::body);
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(served.body()))) {
            json = reader.readObject();
        }
        JsonObject paths = json.getJsonObject("paths");
        // Paths start at the server's root: the application's context path, then /api.
        assertTrue(paths.containsKey("/crosscast/api/recipients/{id}"), paths::toString);
        assertTrue(
                paths.containsKey("/crosscast/api/runs/{id}/transitions/{transitionId}/population"), paths::toString);
        assertFalse(
                paths.keySet().stream().anyMatch(path -> path.startsWith("/crosscast/t/")),
                "the public tracking URLs are not part of the API's document: " + paths.keySet());
        assertEquals(
                "basic",
                json.getJsonObject("components")
                        .getJsonObject("securitySchemes")
                        .getJsonObject("basic")
                        .getString("scheme"));
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        URI uri = URI.create(base.toString()).resolve(path);
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Unix line ends and exactly one final newline, whatever the platform wrote. */
    static String normalised(String document) {
        return document.replace("\r\n", "\n").stripTrailing() + "\n";
    }

    /** Where two documents part: the first line that differs, with both versions. */
    static String firstDifference(String expected, String actual) {
        List<String> left = expected.lines().toList();
        List<String> right = actual.lines().toList();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String was = i < left.size() ? left.get(i) : "<end of file>";
            String now = i < right.size() ? right.get(i) : "<end of file>";
            if (!was.equals(now)) {
                return "first difference at line " + (i + 1) + ": the file has '" + was + "', the server '" + now + "'";
            }
        }
        return "they differ in line ends only";
    }
}

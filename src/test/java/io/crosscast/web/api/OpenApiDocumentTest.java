package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docs/openapi.yaml}, the OpenAPI document the server serves (OpenApiDocumentIT checks that it is
 * exactly that), parses, and lists exactly the endpoints {@code docs/API.md} documents: every heading
 * {@code ### `METHOD /api/...`} there is an operation of the document, and the reverse.
 */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("docs", "openapi.yaml");
    private static final Path API_MD = Path.of("docs", "API.md");

    /** The document's paths start at the server's root: the application's context path, then /api. */
    private static final String CONTEXT_PATH = "/crosscast";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** {@code ### `POST /api/runs/{id}/pause`, `/resume`, `/stop`}: the method, the path, and sibling last segments. */
    private static final Pattern HEADING =
            Pattern.compile("^###\\s+`(GET|POST|PUT|DELETE|PATCH) (/api/[^`\\s]*)`(.*)$");

    private static final Pattern SIBLING = Pattern.compile("`(/[^`/\\s]+)`");

    private static Map<String, Object> document;

    @BeforeAll
    static void parse() throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        document = yaml.load(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentIsOpenApi3WithTitleAndTheBasicAndBearerSchemes() {
        assertTrue(
                String.valueOf(document.get("openapi")).startsWith("3."), () -> "openapi: " + document.get("openapi"));
        assertEquals("Crosscast REST API", map(document, "info").get("title"));
        Map<String, Object> basic = map(map(map(document, "components"), "securitySchemes"), "basic");
        assertEquals("http", basic.get("type"));
        assertEquals("basic", basic.get("scheme"));
        Map<String, Object> bearer = map(map(map(document, "components"), "securitySchemes"), "bearer");
        assertEquals("http", bearer.get("type"));
        assertEquals("bearer", bearer.get("scheme"));
        assertEquals(List.of(Map.of("basic", List.of()), Map.of("bearer", List.of())), document.get("security"));
    }

    @Test
    void everyEndpointOfApiMdIsInTheDocumentAndTheReverse() throws IOException {
        Set<String> documented = apiMdEndpoints(Files.readAllLines(API_MD, StandardCharsets.UTF_8));
        Set<String> described = documentEndpoints();
        assertTrue(documented.size() >= 30, () -> "too few endpoints read from API.md: " + documented);

        Set<String> missingFromDocument = new TreeSet<>(documented);
        missingFromDocument.removeAll(described);
        Set<String> missingFromApiMd = new TreeSet<>(described);
        missingFromApiMd.removeAll(documented);
        assertEquals(Set.of(), missingFromDocument, "endpoints of docs/API.md that docs/openapi.yaml lacks");
        assertEquals(Set.of(), missingFromApiMd, "operations of docs/openapi.yaml that docs/API.md does not document");
    }

    @Test
    void everyOperationHasAnIdASummaryATagASuccessAndTheAuthenticationErrors() {
        Set<String> ids = new HashSet<>();
        forEachOperation((endpoint, operation) -> {
            assertTrue(
                    ids.add(String.valueOf(operation.get("operationId"))),
                    () -> "operationId missing or twice: " + endpoint);
            assertTrue(operation.get("summary") instanceof String, () -> "no summary: " + endpoint);
            assertTrue(operation.get("tags") instanceof List<?> tags && !tags.isEmpty(), () -> "no tag: " + endpoint);
            Map<String, Object> responses = map(operation, "responses");
            assertTrue(
                    responses.keySet().stream().anyMatch(code -> code.startsWith("2")),
                    () -> "no success answer: " + endpoint + " " + responses.keySet());
            assertTrue(
                    responses.keySet().containsAll(Set.of("401", "403", "500")),
                    () -> endpoint + " " + responses.keySet());
            responses.forEach((code, response) -> {
                Map<?, ?> answer = (Map<?, ?>) response;
                if (code.startsWith("2") && !code.equals("204")) {
                    assertFalse(answer.get("content") == null, () -> "a " + code + " without content: " + endpoint);
                }
            });
        });
    }

    @Test
    void headingsOfApiMdAreReadWithTheirSiblingsAndWithoutTheQuery() {
        Set<String> endpoints = apiMdEndpoints(List.of(
                "### `POST /api/runs/{id}/pause`, `/resume`, `/stop`",
                "### `POST /api/runs/{id}/restart?from={activityId}`",
                "### `GET /api/recipients/{id}`",
                "## Lists",
                "| `GET /t/o/{token}` | the open pixel |"));
        assertEquals(
                Set.of(
                        "POST /api/runs/{id}/pause",
                        "POST /api/runs/{id}/resume",
                        "POST /api/runs/{id}/stop",
                        "POST /api/runs/{id}/restart",
                        "GET /api/recipients/{id}"),
                endpoints);
    }

    /** Method and path of every {@code ### `METHOD /api/...`} heading, query strings left out. */
    static Set<String> apiMdEndpoints(List<String> lines) {
        Set<String> endpoints = new TreeSet<>();
        for (String line : lines) {
            Matcher heading = HEADING.matcher(line);
            if (!heading.matches()) {
                continue;
            }
            String method = heading.group(1);
            String path = withoutQuery(heading.group(2));
            endpoints.add(method + " " + path);
            Matcher sibling = SIBLING.matcher(heading.group(3));
            String parent = path.substring(0, path.lastIndexOf('/'));
            while (sibling.find()) {
                endpoints.add(method + " " + parent + withoutQuery(sibling.group(1)));
            }
        }
        return endpoints;
    }

    private static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** Method and path (from /api) of every operation of the document. */
    private static Set<String> documentEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        forEachOperation((endpoint, operation) -> endpoints.add(endpoint));
        return endpoints;
    }

    private interface OperationVisitor {
        void visit(String endpoint, Map<String, Object> operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        List<String> outsideTheApi = new ArrayList<>();
        map(document, "paths").forEach((path, item) -> {
            if (!path.startsWith(CONTEXT_PATH + "/api/")) {
                outsideTheApi.add(path);
                return;
            }
            String apiPath = path.substring(CONTEXT_PATH.length());
            ((Map<?, ?>) item).forEach((key, operation) -> {
                if (METHODS.contains(String.valueOf(key))) {
                    visitor.visit(String.valueOf(key).toUpperCase(Locale.ROOT) + " " + apiPath, cast(operation));
                }
            });
        });
        assertEquals(List.of(), outsideTheApi, "paths of the document outside " + CONTEXT_PATH + "/api");
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map<?, ?>, () -> key + " is not an object: " + value);
        return cast(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}

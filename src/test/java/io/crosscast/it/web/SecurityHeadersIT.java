package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.ClientTestCase;
import io.crosscast.it.support.SecurityHeaders;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the application says how a browser may treat it: no MIME sniffing, framed only by the
 * application, no address sent to other sites. Pages carry PrimeFaces' Content-Security-Policy, with a nonce
 * that is on the page's scripts; everything else a policy that lets nothing load or run.
 */
class SecurityHeadersIT extends ClientTestCase {

    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

    @Test
    void pagesCarryTheHeadersAndAPolicyWithANonceOnTheirScripts() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> login = get(browser, "", null);
        SecurityHeaders.assertOn(login);
        assertTrue(login.body().contains("loginForm"), "the login page");
        assertPagePolicy(login);

        signIn(browser);
        HttpResponse<String> page = get(browser, "campaigns/index.xhtml", null);
        assertEquals(200, page.statusCode());
        SecurityHeaders.assertOn(page);
        String policy = assertPagePolicy(page);
        Matcher nonce = NONCE.matcher(policy);
        assertTrue(nonce.find(), policy);
        String body = page.body();
        // Every inline script the page has carries the nonce; none is without it.
        Matcher script = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>").matcher(body);
        int inline = 0;
        while (script.find()) {
            inline++;
            assertTrue(
                    script.group(1).contains("nonce=\"" + nonce.group(1) + "\""),
                    "a script without the nonce: " + script.group());
        }
        assertTrue(inline > 0, "PrimeFaces writes its widgets' scripts inline");
        assertFalse(
                Pattern.compile("\\son(click|change|complete|load|submit)=\"", Pattern.CASE_INSENSITIVE)
                        .matcher(body)
                        .find(),
                "no inline event handler is left in the page");

        // Another request, another nonce.
        String again = get(browser, "campaigns/index.xhtml", null)
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow();
        Matcher second = NONCE.matcher(again);
        assertTrue(second.find(), again);
        assertFalse(second.group(1).equals(nonce.group(1)), "a fresh nonce per page");
    }

    @Test
    void theApiTrackingAndStaticResourcesCarryTheHeadersToo() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        String basic = "Basic " + Base64.getEncoder().encodeToString("marketer:marketer".getBytes());

        HttpResponse<String> api = get(client, "api/lists", basic);
        assertEquals(200, api.statusCode());
        SecurityHeaders.assertOn(api);
        assertNothingRuns(api);

        HttpResponse<String> refused = get(client, "api/lists", null);
        assertEquals(401, refused.statusCode());
        SecurityHeaders.assertOn(refused);

        for (String tracking : List.of("t/o/not-a-token", "t/c/not-a-token", "t/u/not-a-token")) {
            HttpResponse<String> answer = get(client, tracking, null);
            SecurityHeaders.assertOn(answer);
        }
        // The unsubscribe page keeps its own policy (one only: a second would forbid its form), framed by no one.
        List<String> unsubscribe =
                get(client, "t/u/not-a-token", null).headers().allValues("Content-Security-Policy");
        assertEquals(1, unsubscribe.size(), unsubscribe::toString);
        assertTrue(
                unsubscribe.get(0).contains("form-action 'self'")
                        && unsubscribe.get(0).contains("frame-ancestors 'none'"),
                unsubscribe.get(0));

        HttpResponse<String> css = get(client, "resources/css/crosscast.css", null);
        assertEquals(200, css.statusCode());
        SecurityHeaders.assertOn(css);

        HttpResponse<String> script = get(client, "jakarta.faces.resource/js/workflow-editor.js.xhtml", null);
        assertEquals(200, script.statusCode());
        SecurityHeaders.assertOn(script);
    }

    private static String assertPagePolicy(HttpResponse<?> page) {
        List<String> policies = page.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), "one policy on " + page.uri() + ": " + policies);
        String policy = policies.get(0);
        assertTrue(policy.contains("frame-ancestors 'self'"), policy);
        assertTrue(policy.contains("base-uri 'self'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertTrue(
                Pattern.compile("script-src 'self' 'nonce-[^']+'")
                        .matcher(policy)
                        .find(),
                policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertFalse(
                policy.replaceAll("style-src[^;]*", "").contains("unsafe-inline"), "inline only for styles: " + policy);
        return policy;
    }

    private static void assertNothingRuns(HttpResponse<?> answer) {
        String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'none'"), answer.uri() + ": " + policy);
    }

    private HttpResponse<String> get(HttpClient client, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void signIn(HttpClient browser) throws IOException, InterruptedException {
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(resolve("j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("j_username=marketer&j_password=marketer"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signedIn.statusCode());
        assertFalse(signedIn.body().contains("loginForm"), "signed in");
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    private URI resolve(String path) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root + path);
    }
}

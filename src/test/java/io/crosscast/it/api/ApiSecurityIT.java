package io.crosscast.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient.Reply;
import io.crosscast.it.support.ClientTestCase;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API needs HTTP Basic (or a signed-in session) with role marketer or admin, and refuses everyone
 * else with a JSON 401 and a Basic challenge, never with the HTML login page.
 */
class ApiSecurityIT extends ClientTestCase {

    @Test
    void noCredentialsIsA401InJsonNotTheLoginPage() {
        Reply reply = ApiClient.withAuthorization(base, null).get("lists");

        assertUnauthorized(reply, "auth.required");
    }

    @Test
    void aWrongPasswordIsA401InJson() {
        assertUnauthorized(ApiClient.as(base, "marketer", "not-the-password").get("lists"), "auth.failed");
        assertUnauthorized(ApiClient.as(base, "nobody", "marketer").get("lists"), "auth.failed");
    }

    @Test
    void aBrokenOrForeignAuthorizationHeaderIsA401() {
        assertUnauthorized(ApiClient.withAuthorization(base, "Basic ###").get("lists"), "auth.malformed");
        assertUnauthorized(
                ApiClient.withAuthorization(base, "Digest username=\"marketer\"")
                        .get("lists"),
                "auth.required");
        // a Bearer header is an API token (ApiTokenIT): one that is not is refused with a Bearer challenge
        Reply bearer = ApiClient.withAuthorization(base, "Bearer abc.def.ghi").get("lists");
        assertEquals(401, bearer.status(), bearer::toString);
        assertEquals("auth.tokenInvalid", bearer.json().getString("code"));
    }

    @Test
    void aMarketerAndAnAdministratorGetIn() {
        Reply marketer = ApiClient.as(base, "marketer", "marketer").get("lists");
        assertEquals(200, marketer.status(), marketer::toString);
        assertTrue(marketer.isJson());
        assertNotNull(marketer.json().getJsonArray("items"));

        Reply admin = ApiClient.as(base, "admin", "admin").get("lists");
        assertEquals(200, admin.status(), admin::toString);
    }

    @Test
    void theApiKeepsNoSession() {
        Reply reply = ApiClient.as(base, "marketer", "marketer").get("lists");
        assertEquals(200, reply.status(), reply::toString);

        // Whatever cookie the server set, it does not stand for a signed-in caller afterwards.
        String cookies = String.join(
                "; ",
                reply.headers().allValues("Set-Cookie").stream()
                        .map(c -> c.split(";", 2)[0])
                        .toList());
        Reply withCookieOnly = ApiClient.withAuthorization(base, null).send("GET", "lists", null, null, null, cookies);
        assertEquals(401, withCookieOnly.status(), withCookieOnly::toString);
    }

    @Test
    void securityComesBeforeRouting() {
        assertUnauthorized(ApiClient.withAuthorization(base, null).get("no-such-thing"), "auth.required");
        assertUnauthorized(
                ApiClient.withAuthorization(base, null).send("DELETE", "recipients/1", null, null), "auth.required");
    }

    @Test
    void aSessionSignedInThroughTheLoginPageMayCallTheApi() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "marketer", "marketer");

        Reply reply = ApiClient.on(browser, base, null).get("lists");

        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void basicCredentialsNeverSignInTheCallersSession() throws Exception {
        HttpClient browser = browser();
        String loginPage = page(browser, "");
        assertTrue(loginPage.contains("loginForm"), "the login page shows first");

        Reply reply = ApiClient.on(
                        browser,
                        base,
                        ApiClient.as(base, "marketer", "marketer").authorization())
                .get("lists");
        assertEquals(200, reply.status(), reply::toString);

        assertTrue(page(browser, "index.xhtml").contains("loginForm"), "pages still ask to sign in");
    }

    @Test
    void aFormOfAnotherSiteCannotImportWithTheSessionCookie() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "marketer", "marketer");
        String lastName = "Forged" + System.nanoTime();
        String csv = "email,lastName,emailOptOut\nforged-" + System.nanoTime() + "@example.com," + lastName + ",true\n";

        // what an HTML form on another site can send: text/plain, the cookie, the browser's own headers
        HttpResponse<String> forged = browser.send(
                HttpRequest.newBuilder(resolve("api/imports"))
                        .header("Content-Type", "text/plain")
                        .header("Origin", "https://evil.example")
                        .header("Sec-Fetch-Site", "cross-site")
                        .POST(HttpRequest.BodyPublishers.ofString(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(forged, "auth.crossSite");

        // an older browser that sends neither Origin nor Sec-Fetch-Site: the missing header gives it away
        HttpResponse<String> bare = browser.send(
                HttpRequest.newBuilder(resolve("api/imports"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(bare, "auth.sessionHeaderRequired");

        assertEquals(0, countByLastName(lastName), "nobody was imported");

        // the application's own page script: same origin, with the header
        HttpResponse<String> own = browser.send(
                HttpRequest.newBuilder(resolve("api/imports"))
                        .header("Content-Type", "text/plain")
                        .header("Origin", origin())
                        .header("Sec-Fetch-Site", "same-origin")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .POST(HttpRequest.BodyPublishers.ofString(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, own.statusCode(), own::body);
        assertEquals(1, countByLastName(lastName));
    }

    @Test
    void aBodylessPostOfAnotherSiteStartsNoRunAndIsRefusedBeforeRouting() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "marketer", "marketer");

        HttpResponse<String> forged = browser.send(
                HttpRequest.newBuilder(resolve("api/workflows/987654321/runs"))
                        .header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(forged, "auth.crossSite");

        HttpResponse<String> own = browser.send(
                HttpRequest.newBuilder(resolve("api/workflows/987654321/runs"))
                        .header("Origin", origin())
                        .header("X-Requested-With", "XMLHttpRequest")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, own.statusCode(), "past the check, the unknown workflow: " + own.body());
    }

    @Test
    void basicClientsKeepWorkingButBasicCredentialsCachedByABrowserDoNotCrossSites() {
        ApiClient basic = ApiClient.as(base, "marketer", "marketer");
        Reply plain = basic.send("POST", "recipients/count", "application/json", "{}");
        assertEquals(200, plain.status(), plain::toString);

        Reply fromElsewhere = basic.send(
                "POST",
                "recipients/count",
                "application/json",
                "{}",
                null,
                null,
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));
        assertEquals(403, fromElsewhere.status(), fromElsewhere::toString);
        assertEquals("auth.crossSite", fromElsewhere.json().getString("code"));

        Reply reading = basic.send(
                "GET",
                "lists",
                null,
                null,
                null,
                null,
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));
        assertEquals(200, reading.status(), "reading is not a change: " + reading);
    }

    @Test
    void tenWrongPasswordsInARowLockTheUserOutEvenWithTheRightOne() {
        Reply before = ApiClient.as(base, "lockout-probe", "probe-password").get("lists");
        assertEquals(200, before.status(), "the probe user signs in: " + before);

        for (int i = 0; i < 10; i++) {
            assertUnauthorized(ApiClient.as(base, "lockout-probe", "guess-" + i).get("lists"), "auth.failed");
        }

        assertUnauthorized(ApiClient.as(base, "lockout-probe", "probe-password").get("lists"), "auth.failed");
        Reply others = ApiClient.as(base, "marketer", "marketer").get("lists");
        assertEquals(200, others.status(), "only that user is locked out: " + others);
    }

    private long countByLastName(String lastName) {
        Reply count = ApiClient.as(base, "admin", "admin")
                .post("recipients/count", ApiClient.withCondition(ApiClient.rule("lastName", "equals", lastName)));
        assertEquals(200, count.status(), count::toString);
        return count.json().getJsonNumber("count").longValue();
    }

    private static void assertRefused(HttpResponse<String> response, String code) {
        assertEquals(403, response.statusCode(), response::body);
        assertTrue(response.body().contains("\"code\":\"" + code + "\""), response.body());
    }

    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    private static void assertUnauthorized(Reply reply, String code) {
        assertEquals(401, reply.status(), reply::toString);
        String challenge = reply.header("WWW-Authenticate");
        assertNotNull(challenge, "a 401 has a challenge");
        assertTrue(challenge.startsWith("Basic realm=\"Crosscast\""), challenge);
        assertTrue(reply.isJson(), () -> "Content-Type: " + reply.header("Content-Type"));
        assertFalse(reply.body().contains("<html"), reply.body());
        assertEquals(401, reply.json().getInt("status"));
        assertEquals("Unauthorized", reply.json().getString("error"));
        assertEquals(code, reply.json().getString("code"));
    }

    private HttpClient browser() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    private void signIn(HttpClient browser, String user, String password) throws IOException, InterruptedException {
        assertTrue(page(browser, "").contains("loginForm"), "the login page shows first");
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(resolve("j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("j_username=" + user + "&j_password=" + password))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signedIn.statusCode());
        assertFalse(signedIn.body().contains("loginForm"), "signed in: " + signedIn.body());
    }

    private String page(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private URI resolve(String path) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root + path);
    }
}

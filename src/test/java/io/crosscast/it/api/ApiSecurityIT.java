package io.crosscast.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient.Reply;
import io.crosscast.it.support.Deployments;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API needs HTTP Basic (or a signed-in session) with role marketer or admin, and refuses everyone
 * else with a JSON 401 and a Basic challenge, never with the HTML login page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiSecurityIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.crosscast();
    }

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
        assertUnauthorized(ApiClient.withAuthorization(base, "Bearer abc.def.ghi").get("lists"), "auth.required");
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
        String cookies = String.join("; ", reply.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).toList());
        Reply withCookieOnly = ApiClient.withAuthorization(base, null)
                .send("GET", "lists", null, null, null, cookies);
        assertEquals(401, withCookieOnly.status(), withCookieOnly::toString);
    }

    @Test
    void securityComesBeforeRouting() {
        assertUnauthorized(ApiClient.withAuthorization(base, null).get("no-such-thing"), "auth.required");
        assertUnauthorized(ApiClient.withAuthorization(base, null).send("DELETE", "recipients/1", null, null),
                "auth.required");
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

        Reply reply = ApiClient.on(browser, base, ApiClient.as(base, "marketer", "marketer").authorization())
                .get("lists");
        assertEquals(200, reply.status(), reply::toString);

        assertTrue(page(browser, "index.xhtml").contains("loginForm"), "pages still ask to sign in");
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
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
    }

    private void signIn(HttpClient browser, String user, String password) throws IOException, InterruptedException {
        assertTrue(page(browser, "").contains("loginForm"), "the login page shows first");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(resolve("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + user + "&j_password=" + password))
                .build(), HttpResponse.BodyHandlers.ofString());
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

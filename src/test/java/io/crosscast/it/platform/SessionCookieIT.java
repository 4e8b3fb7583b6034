package io.crosscast.it.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.ClientTestCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The session cookie is HttpOnly and SameSite=Lax everywhere, and Secure when the page came over https (the
 * test server's https listener, with WildFly's self-signed certificate).
 */
class SessionCookieIT extends ClientTestCase {

    @Test
    void overHttpTheSessionCookieIsHttpOnlyAndSameSiteLaxButNotSecure() throws Exception {
        String cookie = sessionCookie(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build(), URI.create(base.toString()));

        assertTrue(has(cookie, "HttpOnly"), cookie);
        assertTrue(has(cookie, "SameSite=Lax"), cookie);
        assertFalse(has(cookie, "Secure"), "a Secure cookie would not come back over plain http: " + cookie);
    }

    @Test
    void overHttpsTheSessionCookieIsSecureToo() throws Exception {
        int port = 8443 + Integer.getInteger("it.port.offset", 100);
        // the self-signed certificate is made out to localhost
        URI https = URI.create("https://localhost:" + port + base.getPath());

        String cookie = sessionCookie(trustingClient(), https);

        assertTrue(has(cookie, "Secure"), cookie);
        assertTrue(has(cookie, "HttpOnly"), cookie);
        assertTrue(has(cookie, "SameSite=Lax"), cookie);
    }

    /** The Set-Cookie of JSESSIONID that the login page answers with. */
    private static String sessionCookie(HttpClient client, URI page) throws Exception {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    private static boolean has(String cookie, String attribute) {
        for (String part : cookie.split(";")) {
            if (part.strip().toLowerCase(Locale.ROOT).equals(attribute.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** A client that accepts the test server's self-signed certificate (for localhost only). */
    private static HttpClient trustingClient() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // not used by a client
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // the test server's certificate is self-signed
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm(null);
        return HttpClient.newBuilder()
                .sslContext(context)
                .sslParameters(parameters)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }
}

package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.crosscast.it.api.ApiClient;
import io.crosscast.it.support.Browser;
import io.crosscast.it.support.Polling;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A page of another site that a signed-in marketer visits posts a form to the API, as an attacker's page
 * would: a CSV file as {@code text/plain} to {@code /api/imports}, which on its own would create or overwrite
 * recipients with the marketer's session. The attacker's page is served by this test on the same host name
 * and another port: another origin, but the same site for the browser, so the SameSite=Lax session cookie goes
 * with the post (as it would from another application of the same domain); only the API's own check of where
 * a request comes from stops it. (From another site, the browser would not even send the cookie.) Nothing may
 * be imported.
 */
class CrossSiteBrowserIT extends BrowserTestCase {

    private HttpServer attacker;

    @AfterEach
    void stopAttacker() {
        if (attacker != null) {
            attacker.stop(0);
        }
    }

    @Test
    void aFormOfAnotherSiteCannotImportRecipientsWithTheMarketersSession() throws Exception {
        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        assertFalse(browser.isPresent(By.id("username")), "signed in");

        String lastName = "Forged" + System.nanoTime();
        String target = base.toString().endsWith("/") ? base + "api/imports" : base + "/api/imports";
        // text/plain sends "name=value": the name holds the CSV header and a line; "=1" ends up on a last line
        // that the import rejects on its own.
        String csv = "email,lastName,emailOptOut\n" + lastName.toLowerCase() + "@example.com," + lastName + ",true\nx";
        String page = "<!DOCTYPE html><html><body><form id=\"f\" method=\"post\" enctype=\"text/plain\" action=\""
                + target + "\"><input type=\"hidden\" name=\"" + csv.replace("\"", "&quot;") + "\" value=\"1\"></form>"
                + "<script>document.getElementById('f').submit();</script></body></html>";
        String attackerUrl = serveAttackerPage(page);

        browser.driver().get(attackerUrl);
        assertTrue(
                Polling.eventually(
                        Duration.ofSeconds(20),
                        () -> browser.driver().getCurrentUrl().contains("/api/imports")),
                () -> "the forged form was not posted; browser at "
                        + browser.driver().getCurrentUrl());
        String answer = String.valueOf(((JavascriptExecutor) browser.driver())
                .executeScript("return document.body ? document.body.innerText : '';"));

        assertFalse(answer.contains("\"created\""), "the API imported the forged file: " + answer);
        assertTrue(answer.contains("auth.crossSite"), "refused as coming from elsewhere: " + answer);
        assertEquals(0, countByLastName(lastName), "nobody was imported; the API answered " + answer);

        // (the import answers once it is done: nothing is still on its way)
        // the marketer's own session is still signed in and the pages still work
        browser.open("recipients/index.xhtml");
        assertTrue(browser.currentUrl().contains("recipients"), browser.currentUrl());
        assertFalse(browser.isPresent(By.id("username")), "still signed in");
    }

    private long countByLastName(String lastName) {
        ApiClient.Reply count = ApiClient.as(base, "admin", "admin")
                .post("recipients/count", ApiClient.withCondition(ApiClient.rule("lastName", "equals", lastName)));
        assertEquals(200, count.status(), count::toString);
        return count.json().getJsonNumber("count").longValue();
    }

    /** Serves the page on the application's host name and another port: same site, another origin. */
    private String serveAttackerPage(String html) throws IOException {
        attacker = HttpServer.create(new InetSocketAddress(0), 0);
        attacker.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        attacker.start();
        return "http://" + base.getHost() + ":" + attacker.getAddress().getPort() + "/offer.html";
    }
}

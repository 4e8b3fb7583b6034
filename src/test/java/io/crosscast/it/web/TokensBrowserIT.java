package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.apitoken.TokenSecrets;
import io.crosscast.it.support.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The API tokens page: a marketer makes a token (shown once), the API takes it, the page lists it with its
 * name as text, and revoking it (after a confirmation) makes the API refuse it.
 */
class TokensBrowserIT extends BrowserTestCase {

    @Test
    void aMarketerMakesUsesAndRevokesAToken() throws Exception {
        String name = "<b>Nightly</b> & co " + UUID.randomUUID();
        browser = new Browser(base);
        browser.signIn("marketer", "marketer");

        browser.click(By.id("menuForm:menuTokens"));
        assertTrue(browser.currentUrl().contains("/tokens/"), browser.currentUrl());
        browser.click(By.id("tokensForm:newToken"));
        browser.type(By.id("tokensForm:newName"), name);
        browser.click(By.id("tokensForm:createToken"));

        String token = browser.find(By.id("tokensForm:createdToken")).getAttribute("value");
        assertTrue(TokenSecrets.wellFormed(token), token);
        browser.click(By.id("tokensForm:tokenCopied"));
        assertFalse(browser.driver().getPageSource().contains(token), "shown once: gone once its dialog closed");

        By row = By.xpath("//tbody[@id='tokensForm:tokens_data']/tr[.//span[contains(@class,'cc-token-name')"
                + " and text()='" + name + "']]");
        assertEquals(
                name,
                browser.find(row).findElement(By.className("cc-token-name")).getText());
        assertEquals(
                0,
                browser.driver()
                        .findElements(By.cssSelector("[id='tokensForm:tokens'] td b"))
                        .size(),
                "the name is text, not markup");
        assertTrue(browser.find(row).getText().contains(token.substring(0, 7)), "its first characters tell it");
        assertTrue(
                browser.find(row).getText().contains("Active"),
                browser.find(row).getText());

        assertEquals(200, apiStatus(token));

        browser.find(row).findElement(By.cssSelector("button[id$=':revoke']")).click();
        browser.click(By.id("tokensForm:confirmYes"));
        browser.waitForText(row, "Revoked");
        assertFalse(
                browser.find(row).findElements(By.cssSelector("button[id$=':revoke']")).stream()
                        .anyMatch(b -> b.isDisplayed()),
                "no revoke button on a revoked token");

        assertEquals(401, apiStatus(token));
    }

    private int apiStatus(String token) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "api/lists"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

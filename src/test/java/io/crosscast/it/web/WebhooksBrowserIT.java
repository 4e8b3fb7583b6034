package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient;
import io.crosscast.it.support.Browser;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Webhooks page: an administrator creates a subscription (URL, an event checkbox), sees its secret once and the
 * subscription in the table (and through the API, without the secret), opens its (empty) delivery log and deletes
 * it; a URL that is not http(s) is refused beside the field; a marketer may not open the page.
 */
class WebhooksBrowserIT extends BrowserTestCase {

    @Test
    void anAdministratorCreatesSeesAndDeletesASubscription() {
        browser = new Browser(base);
        browser.signIn("admin", "admin");
        browser.click(By.id("menuForm:menuWebhooks"));
        String url = "https://hooks.example.com/" + UUID.randomUUID();

        browser.click(By.id("webhooksForm:newWebhook"));
        browser.type(By.id("webhooksForm:url"), "ftp://example.com/nope");
        browser.click(By.cssSelector("label[for='webhooksForm:events:0']"));
        browser.click(By.id("webhooksForm:saveWebhook"));
        browser.waitForText(By.id("webhooksForm:webhookDialog"), "is not an absolute http or https URL");

        browser.type(By.id("webhooksForm:url"), url);
        browser.click(By.id("webhooksForm:saveWebhook"));
        String secret = browser.find(By.id("webhooksForm:shownSecret")).getAttribute("value");
        assertTrue(secret.matches("whsec_[0-9a-f]{64}"), "the secret, shown once: " + secret);
        String table = browser.waitForText(By.id("webhooksForm:webhooks"), url);
        assertTrue(table.contains("run.finished"), table);

        ApiClient api = ApiClient.as(base, "admin", "admin");
        JsonObject made = api.get("webhooks").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("url").equals(url))
                .findFirst()
                .orElseThrow();
        assertTrue(made.isNull("secret"), "the API never shows it again: " + made);

        browser.click(By.xpath("//tr[td[contains(., '" + url + "')]]//button[@title='Delivery log']"));
        browser.waitForText(By.id("webhooksForm:log"), "No event for this subscription yet.");

        browser.click(By.xpath("//tr[td[contains(., '" + url + "')]]//button[@title='Delete']"));
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        browser.waitForText(By.id("growl_container"), "deleted");
        assertEquals(
                404, api.get("webhooks/" + made.getJsonNumber("id").longValue()).status(), "deleted");
    }

    @Test
    void aMarketerMayNotOpenThePage() {
        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        assertFalse(browser.isPresent(By.id("menuForm:menuWebhooks")));
        browser.open("admin/webhooks.xhtml");
        assertTrue(browser.text(By.id("errorText")).contains("may not open"));
    }
}

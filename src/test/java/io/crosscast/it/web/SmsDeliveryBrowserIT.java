package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient;
import io.crosscast.it.support.Browser;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A text message the way a marketer writes and sends it: New text message, sender id and text, the counter
 * switching from GSM-7 to UCS-2 when an emoji is added, a preview for a recipient, Send to the recipients of
 * a condition, and the report filling in with the receipts of the sandbox SMSC (numbers ending in 0000 are
 * reported undelivered).
 */
class SmsDeliveryBrowserIT extends BrowserTestCase {

    private static final Duration RECEIPTS = Duration.ofSeconds(90);

    @Test
    void writeCountPreviewSendAndReadTheReceipts() {
        String token = "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String numbers = "+3368" + (100 + ThreadLocalRandom.current().nextInt(899));
        ApiClient api = ApiClient.as(base, "marketer", "marketer");
        recipient(api, token, "Ana", numbers + "1234");
        recipient(api, token, "Bea", numbers + "0000");
        recipient(api, token, "Cid", null);

        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        browser.open("deliveries/index.xhtml");
        browser.click(By.id("deliveriesForm:newSms"));
        DeliveryEditor editor = new DeliveryEditor(browser);

        // No email field on a text message.
        assertFalse(browser.isPresent(By.id("deliveryForm:senderAddress")));
        assertFalse(browser.isPresent(By.id("deliveryForm:subject")));

        browser.type(By.id("deliveryForm:label"), "Codes " + token);
        browser.type(By.id("deliveryForm:senderId"), "Crosscast");
        String text = "Hello {{firstName}}, your code SPRING is ready";
        browser.type(By.id("deliveryForm:smsText"), text);
        // {{ and }} are GSM-7 extension characters: 2 septets each.
        int septets = text.length() + 4;
        assertEquals(
                "GSM-7 · " + septets + " characters · 1 part",
                browser.waitForText(By.id("deliveryForm:smsLength"), septets + " characters"));

        // ChromeDriver types only characters of the Basic Multilingual Plane: the emoji is added the way a
        // paste would, with an input event.
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "var t = document.getElementById(arguments[0]);"
                                + " t.value = t.value + ' \uD83C\uDF38'; t.dispatchEvent(new Event('input', {bubbles: true}));",
                        "deliveryForm:smsText");
        assertEquals(
                "UCS-2 (Unicode) · " + (text.length() + 3) + " characters · 1 part",
                browser.waitForText(By.id("deliveryForm:smsLength"), "UCS-2"));

        editor.save();
        assertTrue(browser.text(By.id("deliveryForm:smsLength")).startsWith("UCS-2"));

        // Preview for Ana: her name in the text, and the text's own length.
        editor.previewFor("ana." + token + "@example.com");
        assertEquals(
                "Hello Ana, your code SPRING is ready \uD83C\uDF38",
                browser.waitForText(By.id("deliveryForm:previewSms"), "Ana"));
        assertTrue(browser.text(By.id("deliveryForm:previewSmsLength")).startsWith("UCS-2"));
        assertFalse(browser.isPresent(By.id("deliveryForm:proofButton")));

        // Send to the three recipients of the token; Cid has no mobile number.
        editor.sendToLastName(token, 3);

        new WebDriverWait(browser.driver(), RECEIPTS)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("reportForm:status"), "Sent"));
        assertEquals("3", browser.waitForText(By.id("targeted"), "3").replaceAll("\\D", ""));
        assertEquals("1", browser.text(By.id("excluded")).replaceAll("\\D", ""));
        // The report refreshes itself while receipts come back (an element read may be replaced as it is read).
        new WebDriverWait(browser.driver(), RECEIPTS)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> "1".equals(digits(browser, "delivered")) && "1".equals(digits(browser, "undelivered")));
        assertTrue(browser.text(By.id("sent")).startsWith("2"), browser.text(By.id("sent")));
        assertFalse(browser.isPresent(By.id("opened")));
        assertFalse(browser.isPresent(By.id("reportForm:timeline")));
        String ledger = browser.text(By.id("reportForm:ledger"));
        assertTrue(ledger.contains("Delivered") && ledger.contains("Undelivered"), ledger);
        assertTrue(ledger.contains("No mobile number"), ledger);

        // The list shows the channel.
        browser.open("deliveries/index.xhtml");
        assertTrue(browser.text(By.id("deliveriesForm:deliveries")).contains("SMS"));
    }

    private static void recipient(ApiClient api, String token, String firstName, String mobile) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("firstName", firstName)
                .add("lastName", token)
                .add("email", firstName.toLowerCase() + "." + token + "@example.com");
        if (mobile != null) {
            body.add("mobilePhone", mobile);
        }
        assertEquals(201, api.post("recipients", body.build()).status());
    }

    private static String digits(Browser browser, String id) {
        return browser.driver().findElements(By.id(id)).stream()
                .findFirst()
                .map(e -> e.getText().replaceAll("\\D", ""))
                .orElse("");
    }
}

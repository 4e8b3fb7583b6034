package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient;
import io.crosscast.it.support.Browser;
import jakarta.json.Json;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An email delivery the way a marketer writes and sends it: a new delivery, a refused save that loses
 * nothing, the HTML source, a preview for a recipient, a proof, then Send to the recipients of a condition
 * built in the dialog, and the report filling in.
 */
class DeliveryBrowserIT extends BrowserTestCase {

    @Test
    void writePreviewProofSendAndReadTheReport() {
        String token = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ApiClient api = ApiClient.as(base, "marketer", "marketer");
        for (String name : new String[] {"Ana", "Ben", "Cleo"}) {
            assertEquals(
                    201,
                    api.post(
                                    "recipients",
                                    Json.createObjectBuilder()
                                            .add("firstName", name)
                                            .add("lastName", token)
                                            .add("email", name.toLowerCase() + "." + token + "@example.com")
                                            .build())
                            .status());
        }

        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        browser.open("deliveries/index.xhtml");
        browser.click(By.id("deliveriesForm:newDelivery"));
        DeliveryEditor editor = new DeliveryEditor(browser);

        // A bad sender address is refused; what was typed stays.
        browser.type(By.id("deliveryForm:label"), "Welcome " + token);
        browser.type(By.id("deliveryForm:senderAddress"), "shop-at-example.com");
        browser.type(By.id("deliveryForm:subject"), "Welcome {{firstName}}");
        browser.click(By.xpath("//*[@id='deliveryForm:mode']//*[normalize-space(.)='HTML source']"));
        browser.type(
                By.id("deliveryForm:htmlSource"),
                "<p>Hello {{firstName}},</p>"
                        + "<p><a href=\"https://shop.example.com/welcome\" data-label=\"welcome\">Your welcome gift</a></p>");
        browser.click(By.id("deliveryForm:save"));
        assertTrue(browser.waitForText(By.id("deliveryForm:problems"), "shop-at-example.com")
                .contains("not a valid"));
        assertEquals(
                "Welcome {{firstName}}",
                browser.find(By.id("deliveryForm:subject")).getAttribute("value"));

        browser.type(By.id("deliveryForm:senderAddress"), "shop@example.com");
        editor.save();

        // Preview for Ben: his name in the subject and in the frame.
        editor.previewFor("ben." + token + "@example.com");
        assertEquals("Welcome Ben", browser.waitForText(By.id("deliveryForm:previewSubject"), "Ben"));

        browser.type(By.id("deliveryForm:proofAddresses"), "proof." + token + "@example.com");
        browser.click(By.id("deliveryForm:proofButton"));
        browser.waitForText(By.id("growl_container"), "Proof sent to 1 address");

        // Send: to the recipients whose last name is the token, counted live in the dialog.
        editor.sendToLastName(token, 3);

        browser.waitForText(By.id("reportForm:status"), "Sent");
        assertEquals("3", browser.waitForText(By.id("targeted"), "3").replaceAll("\\D", ""));
        assertTrue(browser.text(By.id("sent")).startsWith("3"), browser.text(By.id("sent")));
        assertTrue(browser.text(By.id("reportForm:ledger")).contains("ana." + token + "@example.com"));
        // People and machines apart: nobody opened yet.
        assertTrue(browser.text(By.id("peopleOpened")).startsWith("0"), browser.text(By.id("peopleOpened")));
        assertTrue(
                browser.text(By.id("reportForm:charts")).contains("People and machines"),
                browser.text(By.id("reportForm:charts")));
    }
}

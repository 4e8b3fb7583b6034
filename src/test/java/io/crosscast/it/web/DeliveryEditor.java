package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Browser;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A delivery's edit page (email or text message) as a marketer uses it, for browser tests: save, preview
 * for a recipient, send to the recipients of a last name.
 */
final class DeliveryEditor {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String SEND_DIALOG = "[id='deliveryForm:sendDialog'] ";

    private final Browser browser;

    DeliveryEditor(Browser browser) {
        this.browser = browser;
    }

    /** Saves a delivery the page accepts: the address then names it ({@code id=}). */
    void save() {
        browser.click(By.id("deliveryForm:save"));
        new WebDriverWait(browser.driver(), TIMEOUT).until(ExpectedConditions.urlContains("id="));
    }

    /** Shows the preview for the recipient of this address, picked in the autocomplete. */
    void previewFor(String email) {
        browser.type(By.id("deliveryForm:previewRecipient_input"), email);
        browser.find(By.id("deliveryForm:previewRecipient_input")).sendKeys(Keys.ESCAPE);
        browser.click(By.id("deliveryForm:previewButton"));
    }

    /**
     * Sends to the recipients whose last name is {@code lastName} through the Send dialog, once its live count
     * says {@code count}, and waits for the report page.
     */
    void sendToLastName(String lastName, int count) {
        browser.click(By.id("deliveryForm:send"));
        browser.click(By.id("deliveryForm:audienceAddRule"));
        browser.choose(By.cssSelector(SEND_DIALOG + ".cc-rule .cc-rule-field"), "Last name");
        browser.type(By.cssSelector(SEND_DIALOG + ".cc-rule input.cc-rule-value"), lastName);
        browser.find(By.cssSelector(SEND_DIALOG + ".cc-rule input.cc-rule-value"))
                .sendKeys(Keys.TAB);
        browser.waitForPage();
        String expected = Integer.toString(count);
        assertTrue(browser.waitForText(By.cssSelector(SEND_DIALOG + ".cc-condition-count"), expected)
                .startsWith(expected));
        browser.click(By.id("deliveryForm:sendNow"));
        browser.click(By.id("deliveryForm:confirmYes"));
        new WebDriverWait(browser.driver(), TIMEOUT).until(ExpectedConditions.urlContains("report.xhtml"));
    }
}

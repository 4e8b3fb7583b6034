package io.crosscast.it.web;

import io.crosscast.it.support.Browser;
import io.crosscast.it.support.Polling;
import java.time.Duration;
import org.openqa.selenium.By;

/**
 * The Outbox page as a recipient's mail client stands in for it in browser tests: open a message (its pixel
 * loads, which records an open) and click a link in it (through the tracking URL, in a new tab).
 */
final class OutboxReader {

    private final Browser browser;

    OutboxReader(Browser browser) {
        this.browser = browser;
    }

    void openPage() {
        browser.open("outbox/index.xhtml");
    }

    /** Selects the message to {@code to} (with that subject text, when given): its HTML opens in the frame. */
    void open(String to, String subject) {
        browser.driver().switchTo().defaultContent();
        String row = "//tbody[contains(@id,'messages_data')]/tr[td[contains(., '" + to + "')]"
                + (subject == null ? "" : "[following-sibling::td[contains(., '" + subject + "')]]") + "]";
        browser.click(By.xpath(row));
        browser.waitForText(By.id("messageView"), to.substring(0, to.indexOf('.')));
        browser.find(By.id("preview"));
    }

    /** Clicks a link of the message shown; the tracking URL records the click, then redirects away. */
    void click(String linkText) {
        browser.driver().switchTo().frame(browser.find(By.id("preview")));
        String window = browser.driver().getWindowHandle();
        browser.driver().findElement(By.linkText(linkText)).click();
        Polling.eventually(
                Duration.ofSeconds(10),
                () -> browser.driver().getWindowHandles().size() > 1);
        for (String handle : browser.driver().getWindowHandles()) {
            if (!handle.equals(window)) {
                browser.driver().switchTo().window(handle);
                browser.driver().close();
            }
        }
        browser.driver().switchTo().window(window);
        browser.driver().switchTo().defaultContent();
    }

    /** Whether the Outbox lists a message to {@code to} whose subject contains {@code subject}. */
    boolean hasMessage(String to, String subject) {
        openPage();
        return browser.isPresent(By.xpath("//tbody[contains(@id,'messages_data')]/tr[td[contains(., '" + to
                + "')]][td[contains(., '" + subject + "')]]"));
    }

    /** Whether the text messages tab lists a text to {@code number} containing {@code text}. */
    boolean hasText(String number, String text) {
        browser.open("outbox/index.xhtml?tab=sms");
        return browser.isPresent(By.xpath("//tbody[contains(@id,'texts_data')]/tr[td[contains(., '" + number
                + "')]][td[contains(., '" + text + "')]]"));
    }
}

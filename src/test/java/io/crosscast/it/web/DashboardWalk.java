package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.campaign.DemoCampaignData;
import io.crosscast.it.support.Browser;
import io.crosscast.it.support.Polling;
import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What {@link DashboardBrowserIT} does in the browser once the demo campaign runs: the home dashboard (the
 * campaign running and waiting, the charts, the opt-out alert and its link), the offer's report and its timeline's
 * step, the dashboard's span and step.
 */
final class DashboardWalk {

    private static final Duration PATIENCE = Duration.ofSeconds(150);

    private final URL base;

    DashboardWalk(URL base) {
        this.base = base;
    }

    void walk() {
        Browser browser = new Browser(base);
        try {
            browser.signIn("marketer", "marketer");
            browser.open("index.xhtml");
            String campaignRow = "//tbody[contains(@id,'campaigns_data')]/tr[td[contains(., '" + DemoCampaignData.LABEL
                    + "')]][td[contains(., 'Running')]]";
            assertTrue(
                    Polling.eventually(
                            PATIENCE,
                            () -> browser.isPresent(By.xpath(campaignRow + "[td[contains(., '1 waiting')]]"))),
                    () -> "the demo campaign runs, its Wait waits: " + browser.text(By.id("dashboardForm:live")));
            String wakeUp = browser.text(By.xpath(campaignRow + "/td[4]"));
            assertFalse(wakeUp.isBlank(), "the Wait's wake-up time is shown");
            browser.find(By.cssSelector("[id='dashboardForm:activity'] canvas"));
            browser.find(By.cssSelector("[id='dashboardForm:quarantine'] canvas"));
            assertFalse("0".equals(browser.text(By.id("totalSent"))), "the offers count as sent");

            By alert = By.xpath("//div[@class='cc-alert'][span[contains(., '" + DemoCampaignData.OFFER_LABEL
                    + "') and contains(., 'unsubscribed')]]");
            browser.find(alert);
            browser.click(By.xpath("(//span[contains(@class,'cc-alert-text')][contains(., '"
                    + DemoCampaignData.OFFER_LABEL + "') and contains(., 'unsubscribed')])[1]"
                    + "/following-sibling::a[contains(., 'Open the report')]"));

            // The step of the offer's timeline: chosen from its span, changed by the marketer.
            browser.waitForText(By.id("reportForm:summary"), "Sent");
            assertTrue(
                    browser.driver().getTitle().contains(DemoCampaignData.OFFER_LABEL),
                    browser.driver().getTitle());
            browser.find(By.cssSelector("[id='reportForm:timeline'] canvas"));
            browser.waitForText(By.cssSelector("[id='reportForm:timelineStep'] .ui-state-active"), "Minutes");
            browser.click(By.xpath("//div[@id='reportForm:timelineStep']//div[contains(., 'Hours')]"));
            browser.waitForText(By.cssSelector("[id='reportForm:timelineStep'] .ui-state-active"), "Hours");
            browser.click(By.xpath("//div[@id='reportForm:timelineStep']//div[contains(., 'Minutes')]"));
            browser.waitForText(By.cssSelector("[id='reportForm:timelineStep'] .ui-state-active"), "Minutes");
            browser.screenshot("delivery-report");

            // Back home: the dashboard's span and step change.
            browser.open("index.xhtml");
            browser.click(By.xpath("//div[@id='dashboardForm:days']//div[contains(., '30')]"));
            browser.waitForText(By.cssSelector("[id='dashboardForm:days'] .ui-state-active"), "30");
            browser.click(By.xpath("//div[@id='dashboardForm:step']//div[contains(., 'Hours')]"));
            browser.waitForText(By.cssSelector("[id='dashboardForm:step'] .ui-state-active"), "Hours");
            browser.find(By.cssSelector("[id='dashboardForm:activity'] canvas"));
            browser.open("index.xhtml");
            browser.find(By.xpath(campaignRow));
            browser.screenshot("home-dashboard");

            // Where did everyone go, on the demo campaign itself: its offer's box says how many it excluded (among
            // them the opted-out Gold member the server-side step added), and a click lists them with why.
            browser.click(By.xpath(campaignRow + "//a[contains(@id,'campaignLink')]"));
            browser.waitForPage();
            WebElement offerBox = browser.find(By.cssSelector(".cc-node[data-activity='offer']"));
            String excluded =
                    browser.waitForText(By.cssSelector(".cc-node[data-activity='offer'] .cc-node-missing"), "excluded");
            assertTrue(excluded.matches("[0-9]+ excluded"), excluded);
            offerBox.findElement(By.cssSelector(".cc-node-missing")).click();
            browser.waitForPage();
            String listed =
                    browser.waitForText(By.id("tabs:workflowForm:leftBehind"), DashboardBrowserIT.OPTED_OUT_EMAIL);
            assertTrue(listed.contains("Opted out"), listed);
            String reasons = browser.text(By.id("tabs:workflowForm:leftBehindReasons"));
            int total = 0;
            for (java.util.regex.Matcher m =
                            java.util.regex.Pattern.compile(": ([0-9]+)").matcher(reasons);
                    m.find(); ) {
                total += Integer.parseInt(m.group(1));
            }
            assertEquals(
                    Integer.parseInt(excluded.split(" ")[0]),
                    total,
                    "the reasons add up to the box's count: " + reasons);
        } finally {
            browser.keepEvidence("DashboardBrowserIT");
            browser.close();
        }
    }
}

package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient;
import io.crosscast.it.support.Browser;
import io.crosscast.it.support.Polling;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An A/B test drawn in the editor: two deliveries of the campaign written from a delivery box's dialog, a Query
 * limited to the 10% most recent, and an A/B test of the two (10% each, winner by clicks on the offer link)
 * whose three outputs lead to an End. A test with one variant is refused; the settings come back as saved
 * after the page is loaded again. Then the test sends its winner on confirmation (palette setting), runs on the
 * three newest of 30 recipients (one per sample, one left), and the marketer picks variant 2 in the test's dialog
 * instead of the proposed variant 1: "Send to the rest" lets the run finish with the rest served.
 */
class AbTestBrowserIT extends BrowserTestCase {

    private static final String OFFER = "https://shop.example.com/offer";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void anAbTestIsDrawnConfiguredSavedAndItsWinnerConfirmed() {
        String token = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ApiClient api = ApiClient.as(base, "marketer", "marketer");
        for (int i = 0; i < 30; i++) {
            assertEquals(
                    201,
                    api.post(
                                    "recipients",
                                    Json.createObjectBuilder()
                                            .add("firstName", "R" + i)
                                            .add("lastName", token)
                                            .add("email", "r" + i + "." + token.toLowerCase() + "@example.com")
                                            .build())
                            .status());
        }
        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        WorkflowCanvas canvas = new WorkflowCanvas(browser);
        canvas.createCampaign("AB " + token);

        // The variants: two deliveries of the campaign, written in a delivery box's dialog (then removed).
        String writer = canvas.add("emailDelivery");
        canvas.open(writer, null);
        String body = "<p>Hello <a href=\"" + OFFER + "\">See the offer</a></p>";
        canvas.newDelivery("Subject A " + token, "shop@example.com", "Spring offer", body);
        canvas.newDelivery("Subject B " + token, "shop@example.com", "Your spring offer is here", body);
        canvas.removeActivity();

        String start = canvas.add("start");
        String query = canvas.add("query");
        String ab = canvas.add("abTest");
        String end = canvas.add("end");

        canvas.open(query, "Newest tenth");
        canvas.rule("Last name", "is", token);
        browser.type(By.id("tabs:workflowForm:queryLimit"), "10%");
        browser.type(By.id("tabs:workflowForm:queryLimitOrder"), "createdAt desc");
        canvas.save();

        canvas.open(ab, "Two subjects");
        List<String> variants =
                browser.driver().findElements(By.cssSelector("[id='tabs:workflowForm:abVariants'] label")).stream()
                        .map(e -> e.getText())
                        .toList();
        assertEquals(2, variants.size(), "the campaign's two email deliveries are offered: " + variants);
        assertTrue(
                variants.stream().sorted().toList().get(0).startsWith("Subject A " + token)
                        && variants.stream().sorted().toList().get(1).startsWith("Subject B " + token),
                variants.toString());
        browser.click(By.cssSelector("[id='tabs:workflowForm:abVariants'] .ui-chkbox-box"));
        browser.type(By.id("tabs:workflowForm:abPercent_input"), "10");
        browser.type(By.id("tabs:workflowForm:abWait"), "PT2H");
        browser.click(By.xpath("//*[@id='tabs:workflowForm:abWinner']//label[text()='Clicks on one link']"));
        browser.type(By.id("tabs:workflowForm:abLink"), OFFER);
        String refused = canvas.saveRefused();
        assertTrue(refused.contains("2 to 10 delivery ids"), "one variant is not a test: " + refused);
        browser.click(By.xpath("(//*[@id='tabs:workflowForm:abVariants']//div[contains(@class, 'ui-chkbox-box')])[2]"));
        canvas.save();

        canvas.connect(start, "out", query);
        canvas.connect(query, "out", ab);
        canvas.connect(ab, "variant1", end);
        canvas.connect(ab, "variant2", end);
        canvas.connect(ab, "rest", end);
        List<String> transitions = List.of(
                "Newest tenth (out) → Two subjects",
                "Start " + start + " (out) → Newest tenth",
                "Two subjects (rest) → End " + end,
                "Two subjects (variant1) → End " + end,
                "Two subjects (variant2) → End " + end);
        assertEquals(transitions, canvas.transitions().stream().sorted().toList());
        assertEquals(List.of("rest", "variant1", "variant2"), canvas.outputLabels(), "one output per variant");

        canvas.reload();
        assertEquals(transitions, canvas.transitions().stream().sorted().toList(), "saved");
        canvas.open(ab, null);
        assertEquals(
                2,
                browser.driver()
                        .findElements(
                                By.cssSelector("[id='tabs:workflowForm:abVariants'] .ui-chkbox-box.ui-state-active"))
                        .size(),
                "both variants ticked");
        assertEquals("PT2H", browser.find(By.id("tabs:workflowForm:abWait")).getAttribute("value"));
        assertEquals(OFFER, browser.find(By.id("tabs:workflowForm:abLink")).getAttribute("value"));
        assertEquals(
                "10", browser.find(By.id("tabs:workflowForm:abPercent_input")).getAttribute("value"));
        assertEquals(
                List.of("Variant 1 -> End " + end, "Variant 2 -> End " + end, "The rest (winner) -> End " + end),
                canvas.nextActivities(),
                "the dialog names the outputs");
        canvas.reload();
        canvas.open(query, null);
        assertEquals("10%", browser.find(By.id("tabs:workflowForm:queryLimit")).getAttribute("value"));
        assertEquals(
                "createdAt desc",
                browser.find(By.id("tabs:workflowForm:queryLimitOrder")).getAttribute("value"));

        // The winner on a marketer's confirmation: one recipient per sample (40% of the 3 newest), one left.
        browser.click(By.id("tabs:workflowForm:cancelActivity"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> !d.findElement(By.id("tabs:workflowForm:activityDialog"))
                        .isDisplayed());
        canvas.open(ab, null);
        browser.type(By.id("tabs:workflowForm:abPercent_input"), "40");
        browser.type(By.id("tabs:workflowForm:abWait"), "PT3S");
        browser.click(
                By.xpath("//*[@id='tabs:workflowForm:abSending']//label[text()=\"On a marketer's confirmation\"]"));
        canvas.save();
        canvas.start();
        assertTrue(
                Polling.eventually(PATIENCE, () -> detail(ab).contains("waiting for a marketer's confirmation")),
                () -> "the test waits: " + detail(ab));
        assertEquals(-1, canvas.count("Two subjects", "rest"), "nothing went to the rest");
        canvas.open(ab, null);
        String proposal = browser.text(By.id("abProposal"));
        assertTrue(proposal.contains("the rule proposes variant 1"), proposal);
        browser.click(By.xpath("//*[@id='tabs:workflowForm:abChosen']//label[starts-with(text(), 'Variant 2: ')]"));
        browser.click(By.id("tabs:workflowForm:abSendRest"));
        assertTrue(
                Polling.eventually(PATIENCE, () -> "Finished".equals(canvas.runStatus())),
                () -> "the run finishes: " + canvas.runStatus());
        assertEquals(1, canvas.count("Two subjects", "rest"), "the rest got the chosen variant");
        assertEquals(1, canvas.count("Two subjects", "variant2"));
    }

    /** The detail an activity's box shows (what it waits for), "" while the poll redraws it. */
    private String detail(String id) {
        try {
            return browser
                    .driver()
                    .findElements(By.cssSelector(".cc-node[data-activity='" + id + "'] .cc-node-detail"))
                    .stream()
                    .map(e -> e.getText())
                    .findFirst()
                    .orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }
}

package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient;
import io.crosscast.it.support.Browser;
import io.crosscast.it.support.Polling;
import jakarta.json.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Where everyone went (issue #15), on a campaign of the demo's shape (Query -> Email offer -> Split on who did not
 * open -> End) whose audience holds one recipient opted out and one without an email address: after the run, the
 * offer's box says 2 excluded and the Split's 2 in no subset; a click on each lists them with why; the run's
 * search by email opens the path of the opted-out recipient, and their page lists the run.
 */
class WhereDidEveryoneGoBrowserIT extends BrowserTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(150);

    @Test
    void theDiagramSaysWhereEveryoneWentAndARecipientsPathIsFound() {
        String token = "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ApiClient api = ApiClient.as(base, "marketer", "marketer");
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String name : List.of("ann", "bob", "carl", "optedout", "noaddress")) {
            var body = Json.createObjectBuilder()
                    .add("firstName", name)
                    .add("lastName", token)
                    .add("emailOptOut", "optedout".equals(name));
            if (!"noaddress".equals(name)) {
                body.add("email", name + "." + token + "@example.com");
            }
            var created = api.post("recipients", body.build());
            assertEquals(201, created.status());
            ids.put(name, created.json().getJsonNumber("id").longValue());
        }

        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        WorkflowCanvas canvas = new WorkflowCanvas(browser);
        canvas.createCampaign("Spring offer " + token);
        String campaignPage = browser.currentUrl();
        String start = canvas.add("start");
        String query = canvas.add("query");
        String offer = canvas.add("emailDelivery");
        String split = canvas.add("split");
        String end = canvas.add("end");
        int[][] places = {{20, 170}, {185, 170}, {350, 170}, {540, 170}, {800, 170}};
        String[] all = {start, query, offer, split, end};
        for (int i = all.length - 1; i >= 0; i--) {
            canvas.place(all[i], places[i][0], places[i][1]);
        }
        canvas.open(query, "Gold members");
        canvas.rule("Last name", "is", token);
        canvas.save();
        canvas.open(offer, "Email: spring offer");
        canvas.newDelivery(
                "Offer " + token, "shop@example.com", "Your offer, {{firstName}}", "<p>Hello {{firstName}}</p>");
        canvas.check("outbound");
        canvas.save();
        canvas.open(split, "Who opened");
        canvas.subsetLabel(0, "Neither opened nor clicked");
        canvas.rule("Delivery behaviour", "neither opened nor clicked", null);
        canvas.save();
        canvas.connect(start, "out", query);
        canvas.connect(query, "out", offer);
        canvas.connect(offer, "out", split);
        canvas.connect(split, "subset1", end);
        canvas.fit();

        canvas.start();
        assertTrue(
                Polling.eventually(PATIENCE, () -> {
                    browser.waitForPage();
                    return browser.isPresent(By.id("tabs:workflowForm:runStatus"))
                            && "Finished".equals(canvas.runStatus());
                }),
                () -> "the run finishes: " + browser.text(By.id("tabs:workflowForm:runPanel")));
        assertEquals(3, canvas.count("Who opened", "subset1"), "the three the offer reached");

        // The boxes say where the others went.
        assertEquals("2 excluded", badge(canvas, offer));
        assertEquals("2 in no subset", badge(canvas, split));
        browser.screenshot("where-did-everyone-go");

        // The Split's dialog says what it received and passed on.
        canvas.node(split).findElement(By.cssSelector(".cc-node-open")).click();
        browser.waitForPage();
        browser.waitForText(By.id("tabs:workflowForm:activityFlow"), "Received 5 · passed on 3");
        assertEquals("2 in no subset", browser.text(By.id("tabs:workflowForm:activityLeftBehind")));
        canvas.closeDialog("activityDialog");
        browser.waitForPage();

        // A click on the Split's badge lists them, with why.
        canvas.node(split).findElement(By.cssSelector(".cc-node-missing")).click();
        browser.waitForPage();
        String listed = browser.waitForText(By.id("tabs:workflowForm:leftBehind"), "optedout." + token);
        assertTrue(listed.contains("noaddress"), listed);
        assertTrue(!listed.contains("ann." + token), "those passed on are not listed: " + listed);
        assertEquals(
                2, browser.driver().findElements(By.cssSelector(".cc-flow-why")).size());
        assertTrue(listed.contains("In no subset"), listed);
        canvas.closeDialog("leftBehindDialog");

        // The offer's: excluded, by reason.
        canvas.node(offer).findElement(By.cssSelector(".cc-node-missing")).click();
        browser.waitForPage();
        listed = browser.waitForText(By.id("tabs:workflowForm:leftBehind"), "Opted out");
        assertTrue(listed.contains("No email address") && listed.contains("(no email)"), listed);
        String reasons = browser.text(By.id("tabs:workflowForm:leftBehindReasons"));
        assertTrue(reasons.contains("Opted out: 1") && reasons.contains("No email address: 1"), reasons);
        browser.screenshot("where-did-everyone-go-list");
        canvas.closeDialog("leftBehindDialog");

        // The run's search by email: the opted-out recipient's path.
        browser.type(By.id("tabs:workflowForm:pathEmail"), "OptedOut." + token + "@example.com");
        assertEquals(
                "OptedOut." + token + "@example.com",
                browser.find(By.id("tabs:workflowForm:pathEmail")).getAttribute("value"),
                "the address is in the field");
        browser.click(By.id("tabs:workflowForm:findPath"));
        String path = browser.waitForText(By.id("tabs:workflowForm:pathPanel"), "Excluded: Opted out");
        assertTrue(path.contains("Gold members"), path);
        assertTrue(path.contains("In no subset"), path);
        browser.screenshot("recipient-path-in-run");

        // The recipient's page lists the run.
        browser.open("recipients/detail.xhtml?id=" + ids.get("optedout"));
        String runs = browser.waitForText(By.id("detailForm:runs"), "Excluded: Opted out");
        assertTrue(runs.contains("Spring offer " + token) || runs.contains("Run "), runs);
        assertTrue(runs.contains("In no subset"), runs);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('detailForm:runs').scrollIntoView()");
        browser.screenshot("recipient-path");
        browser.open("recipients/detail.xhtml?id=" + ids.get("ann"));
        String reached = browser.waitForText(By.id("detailForm:runs"), "Subset taken: Neither opened nor clicked");
        assertTrue(reached.contains("Sent"), reached);
        browser.driver().get(campaignPage);
    }

    private static String badge(WorkflowCanvas canvas, String id) {
        List<WebElement> badges = canvas.node(id).findElements(By.cssSelector(".cc-node-missing"));
        return badges.isEmpty() ? "" : badges.get(0).getText();
    }
}

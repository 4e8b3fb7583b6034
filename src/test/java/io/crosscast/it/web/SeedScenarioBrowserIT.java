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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The seed scenario the way a marketer does it, from an empty campaign: nine activities added from the
 * palette, connected by dragging, each set up in its dialog (the deliveries written there too); Start; the
 * marketer opens and clicks emails in the Outbox while the Wait lasts; then the Split's transitions show who
 * did what, the reminder and the SMS are in the Outbox and the list holds the one who clicked the offer.
 */
class SeedScenarioBrowserIT extends BrowserTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(150);

    @Test
    void aMarketerDrawsRunsAndWatchesTheSeedScenario() {
        String token = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ApiClient api = ApiClient.as(base, "marketer", "marketer");
        Map<String, String> phones = new LinkedHashMap<>();
        int series = ThreadLocalRandom.current().nextInt(10_000, 99_999);
        List<String> names = List.of("opener", "offerclicker", "otherclicker", "quiet1", "quiet2", "quiet3");
        for (int i = 0; i < names.size(); i++) {
            String phone = "+33612" + series + (i + 1);
            phones.put(names.get(i), phone);
            assertEquals(
                    201,
                    api.post(
                                    "recipients",
                                    Json.createObjectBuilder()
                                            .add("firstName", names.get(i))
                                            .add("lastName", token)
                                            .add("email", names.get(i) + "." + token + "@example.com")
                                            .add("mobilePhone", phone)
                                            .add("status", "GOLD")
                                            .build())
                            .status());
        }

        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        WorkflowCanvas canvas = new WorkflowCanvas(browser);
        canvas.createCampaign("Seed " + token);
        String campaignPage = browser.currentUrl();

        // Nine activities from the palette.
        String start = canvas.add("start");
        String query = canvas.add("query");
        String offer = canvas.add("emailDelivery");
        String wait = canvas.add("wait");
        String split = canvas.add("split");
        String reminder = canvas.add("emailDelivery");
        String sms = canvas.add("smsDelivery");
        String list = canvas.add("listUpdate");
        String end = canvas.add("end");

        // Laid out the way the scenario reads: the main line, then the Split's three branches.
        int[][] places = {
            {20, 170}, {185, 170}, {350, 170}, {515, 170}, {680, 170}, {980, 50}, {980, 170}, {980, 290}, {980, 410}
        };
        String[] all = {start, query, offer, wait, split, reminder, sms, list, end};
        for (int i = all.length - 1; i >= 0; i--) {
            canvas.place(all[i], places[i][0], places[i][1]);
        }

        // Each one set up in its dialog.
        canvas.open(query, "Gold " + token);
        canvas.rule("Last name", "is", token);
        canvas.save();

        canvas.open(offer, "Offer");
        canvas.newDelivery(
                "Offer " + token,
                "shop@example.com",
                "Your offer, {{firstName}}",
                "<p>Hello {{firstName}}</p><p><a href=\"https://shop.example.com/offer\" data-label=\"offer\">"
                        + "See the offer</a></p><p><a href=\"https://shop.example.com/news\">Read the news</a></p>");
        canvas.check("outbound");
        canvas.save();

        canvas.open(wait, "One minute");
        browser.type(By.id("tabs:workflowForm:waitMinutes_input"), "1");
        canvas.save();

        canvas.open(split, "Behaviour");
        canvas.subsetLabel(0, "Neither opened nor clicked");
        canvas.rule("Delivery behaviour", "neither opened nor clicked", null);
        canvas.addSubset();
        canvas.subsetLabel(1, "Did not click");
        canvas.rule("Delivery behaviour", "did not click", null);
        canvas.addSubset();
        canvas.subsetLabel(2, "Clicked the offer");
        canvas.clickedLink("offer");
        browser.screenshot("activity-split-dialog");
        canvas.save();

        canvas.open(reminder, "Reminder");
        canvas.newDelivery(
                "Reminder " + token,
                "shop@example.com",
                "Still thinking, {{firstName}}?",
                "<p>{{firstName}}, your offer ends soon.</p>");
        canvas.save();

        canvas.open(sms, "SMS");
        canvas.newDelivery("SMS " + token, "Crosscast", null, "{{firstName}}, your Gold offer is waiting!");
        canvas.save();

        canvas.open(list, "Clickers");
        browser.type(By.id("tabs:workflowForm:listName_input"), "Clicked " + token);
        canvas.check("outbound");
        canvas.save();

        assertEquals("Offer", canvas.label(offer), "a label typed before writing the delivery is kept");
        assertEquals("SMS", canvas.label(sms));

        // Connected by dragging from each output to the next input.
        canvas.connect(start, "out", query);
        canvas.connect(query, "out", offer);
        canvas.connect(offer, "out", wait);
        canvas.connect(wait, "out", split);
        canvas.connect(split, "subset1", reminder);
        canvas.connect(split, "subset2", sms);
        canvas.connect(split, "subset3", list);
        canvas.connect(list, "out", end);
        canvas.fit();
        browser.screenshot("campaign-workflow-editor");

        canvas.start();
        assertTrue(
                Polling.eventually(PATIENCE, () -> "Waiting".equals(canvas.state(wait))),
                "the offer is sent and the Wait waits");
        assertEquals(6, canvas.count("Gold " + token, "out"));
        browser.screenshot("campaign-workflow-waiting");

        // Meanwhile, in their mail clients: one opens, one clicks the offer, one clicks another link.
        OutboxReader outbox = new OutboxReader(browser);
        outbox.openPage();
        outbox.open("opener." + token, "Your offer");
        outbox.open("offerclicker." + token, "Your offer");
        outbox.click("See the offer");
        outbox.open("otherclicker." + token, "Your offer");
        outbox.click("Read the news");
        browser.screenshot("outbox");

        browser.driver().get(campaignPage);
        canvas.openTab();
        assertTrue(
                Polling.eventually(PATIENCE, () -> {
                    browser.waitForPage();
                    return browser.isPresent(By.id("tabs:workflowForm:runStatus"))
                            && "Finished".equals(canvas.runStatus());
                }),
                () -> "the run finishes: " + browser.text(By.id("tabs:workflowForm:runPanel")));

        assertEquals(3, canvas.count("Behaviour", "subset1"), "neither opened nor clicked: the quiet ones");
        assertEquals(1, canvas.count("Behaviour", "subset2"), "opened without clicking: the opener");
        assertEquals(1, canvas.count("Behaviour", "subset3"), "clicked the offer");
        assertTrue(
                canvas.canvasCounts().containsAll(List.of("6", "3", "1")),
                "counts on the diagram: " + canvas.canvasCounts());
        browser.screenshot("campaign-workflow-finished");

        // The transition's population, from the transitions table.
        canvas.viewPopulation("Behaviour", "subset3");
        browser.waitForText(By.id("tabs:workflowForm:population"), "offerclicker." + token);
        browser.screenshot("transition-population");

        assertTrue(outbox.hasMessage("quiet1." + token, "Still thinking"), "the reminder went to the quiet ones");
        assertTrue(
                outbox.hasText(phones.get("opener"), "opener, your Gold offer is waiting!"),
                "the SMS went to the opener");
        assertTrue(!outbox.hasText(phones.get("quiet1"), "your Gold offer"), "and not to the others");

        browser.open("lists/index.xhtml");
        browser.click(By.linkText("Clicked " + token));
        browser.waitForText(By.id("membersForm:memberCount"), "1");
        browser.waitForText(By.id("membersForm:members"), "offerclicker." + token);
        browser.screenshot("list-members");

        // The campaign's reports: sent, opened and clicked per delivery.
        browser.driver().get(campaignPage);
        browser.click(By.xpath("//ul[@role='tablist']//a[contains(@href, 'reportsTab')]"));
        browser.find(By.id("tabs:perDelivery"));
        browser.screenshot("campaign-reports");
        browser.open("campaigns/index.xhtml");
        browser.screenshot("campaigns");
    }
}

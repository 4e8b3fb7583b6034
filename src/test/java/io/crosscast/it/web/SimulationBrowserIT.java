package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient;
import io.crosscast.it.support.Browser;
import io.crosscast.it.support.Polling;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Simulation ("dry run", #15) from the diagram: the seed workflow drawn (its Wait a day long), then Simulate with a
 * CSV script of opens and clicks: the diagram, marked as a simulation, shows the simulated counts on its
 * transitions at once (the Wait passed at once); Leave discards it and the diagram is editable again. That the
 * counts equal a real run's on the same behaviour is checked by SimulationIT, faster.
 */
class SimulationBrowserIT extends BrowserTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void aMarketerSimulatesTheSeedWorkflowFromTheDiagram() throws IOException {
        String token = "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ApiClient api = ApiClient.as(base, "marketer", "marketer");
        List<String> names = List.of("opener", "offerclicker", "otherclicker", "quiet1", "quiet2", "quiet3");
        int series = ThreadLocalRandom.current().nextInt(10_000, 99_999);
        for (int i = 0; i < names.size(); i++) {
            assertEquals(
                    201,
                    api.post(
                                    "recipients",
                                    Json.createObjectBuilder()
                                            .add("firstName", names.get(i))
                                            .add("lastName", token)
                                            .add("email", names.get(i) + "." + token + "@example.com")
                                            .add("mobilePhone", "+33612" + series + (i + 1))
                                            .add("status", "GOLD")
                                            .build())
                            .status());
        }

        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        WorkflowCanvas canvas = new WorkflowCanvas(browser);
        canvas.createCampaign("Simulated " + token);

        String start = canvas.add("start");
        String query = canvas.add("query");
        String offer = canvas.add("emailDelivery");
        String wait = canvas.add("wait");
        String split = canvas.add("split");
        String reminder = canvas.add("emailDelivery");
        String sms = canvas.add("smsDelivery");
        String list = canvas.add("listUpdate");
        String end = canvas.add("end");
        int[][] places = {
            {20, 170}, {185, 170}, {350, 170}, {515, 170}, {680, 170}, {980, 50}, {980, 170}, {980, 290}, {980, 410}
        };
        String[] all = {start, query, offer, wait, split, reminder, sms, list, end};
        for (int i = all.length - 1; i >= 0; i--) {
            canvas.place(all[i], places[i][0], places[i][1]);
        }

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
        canvas.open(wait, "One day");
        browser.type(By.id("tabs:workflowForm:waitDays_input"), "1");
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
        canvas.save();
        canvas.open(reminder, "Reminder");
        canvas.newDelivery(
                "Reminder " + token, "shop@example.com", "Still thinking, {{firstName}}?", "<p>Ends soon.</p>");
        canvas.save();
        canvas.open(sms, "SMS");
        canvas.newDelivery("SMS " + token, "Crosscast", null, "{{firstName}}, your Gold offer is waiting!");
        canvas.save();
        canvas.open(list, "Clickers");
        browser.type(By.id("tabs:workflowForm:listName_input"), "Clicked " + token);
        canvas.check("outbound");
        canvas.save();
        canvas.connect(start, "out", query);
        canvas.connect(query, "out", offer);
        canvas.connect(offer, "out", wait);
        canvas.connect(wait, "out", split);
        canvas.connect(split, "subset1", reminder);
        canvas.connect(split, "subset2", sms);
        canvas.connect(split, "subset3", list);
        canvas.connect(list, "out", end);
        canvas.fit();

        // Simulate: the dialog lists the deliveries' rates; a script replaces them.
        browser.click(By.id("tabs:workflowForm:simulate"));
        browser.waitForText(By.id("tabs:simulationForm:simulationPanel"), "Offer " + token);
        assertTrue(browser.text(By.id("tabs:simulationForm:simulationPanel")).contains("offer"), "the offer's link");
        // The script uploaded as a file (under the 5 MB cap of p:validateFile), which fills the script's field.
        Path script = Files.createTempFile("simulation-", ".csv");
        Files.writeString(
                script,
                "email,delivery,action,link\n"
                        + "opener." + token + "@example.com,Offer " + token + ",open,\n"
                        + "offerclicker." + token + "@example.com,Offer " + token + ",click,offer\n"
                        + "otherclicker." + token + "@example.com,Offer " + token
                        + ",click,https://shop.example.com/news\n");
        browser.driver()
                .findElement(By.cssSelector("[id='tabs:simulationForm:scriptFile'] input[type='file'],"
                        + " input[type='file'][id^='tabs:simulationForm:scriptFile']"))
                .sendKeys(script.toString());
        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> browser.valueNow(By.id("tabs:simulationForm:script"))
                                .contains("offerclicker." + token)),
                "the uploaded script fills the field");
        Files.delete(script);
        browser.screenshot("workflow-simulation-dialog");
        browser.click(By.id("tabs:simulationForm:runSimulation"));

        assertTrue(
                Polling.eventually(PATIENCE, () -> {
                    browser.waitForPage();
                    return browser.isPresent(By.id("tabs:workflowForm:runStatus"))
                            && canvas.runStatus().endsWith("Finished");
                }),
                () -> "the simulation finishes at once: " + browser.text(By.id("tabs:workflowForm:runPanel")));
        assertTrue(canvas.runStatus().startsWith("Simulation"), canvas.runStatus());
        assertTrue(browser.isPresent(By.id("simulationBanner")), "the diagram says it is a simulation");
        assertTrue(browser.isPresent(By.cssSelector(".cc-canvas.cc-simulated")), "and looks it");
        assertEquals(6, canvas.count("Gold " + token, "out"));
        assertEquals(3, canvas.count("Behaviour", "subset1"), "neither opened nor clicked: the quiet ones");
        assertEquals(1, canvas.count("Behaviour", "subset2"), "opened without clicking: the opener");
        assertEquals(1, canvas.count("Behaviour", "subset3"), "clicked the offer");
        assertTrue(
                canvas.canvasCounts().containsAll(List.of("6", "3", "1")),
                "simulated counts on the diagram: " + canvas.canvasCounts());
        canvas.fit();
        browser.screenshot("campaign-workflow-simulation");

        // Leaving discards it: no run shown, the diagram can be changed again.
        // (clicked by script: the growl that said "Simulation started" may still cover it)
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].click()", browser.find(By.id("tabs:workflowForm:leaveSimulation")));
        browser.waitForPage();
        assertTrue(
                Polling.eventually(Duration.ofSeconds(20), () -> !browser.isPresent(By.id("simulationBanner"))),
                "the banner is gone");
        assertFalse(browser.isPresent(By.id("tabs:workflowForm:runStatus")), "no run: the simulation is discarded");
        assertTrue(browser.isPresent(By.cssSelector(".cc-canvas.cc-editable")), "editable again");
    }
}

package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient;
import io.crosscast.it.support.Browser;
import io.crosscast.it.support.Polling;
import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The Enrichment activity drawn in the browser: taken from the palette, given two values in its dialog (clicks in
 * the last 7 days, everyone's; a copied field), saved and read back after a reload, then run between a Query and a
 * Split whose condition uses one of its values, picked in the condition builder: its transition shows the
 * population's count like the others', on the table and the diagram.
 */
class EnrichmentBrowserIT extends BrowserTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void anEnrichmentIsDrawnSetSavedAndRunWithItsCount() {
        String token = "E" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ApiClient api = ApiClient.as(base, "marketer", "marketer");
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    201,
                    api.post(
                                    "recipients",
                                    Json.createObjectBuilder()
                                            .add("firstName", "R" + i)
                                            .add("lastName", token)
                                            .add("email", "r" + i + "." + token + "@example.com")
                                            .build())
                            .status());
        }
        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        WorkflowCanvas canvas = new WorkflowCanvas(browser);
        canvas.createCampaign("Enrichment " + token);
        assertEquals("Enrichment", browser.text(By.cssSelector(".cc-add-enrichment")), "in the palette");

        String start = canvas.add("start");
        String query = canvas.add("query");
        String enrichment = canvas.add("enrichment");
        String split = canvas.add("split");
        String end = canvas.add("end");
        canvas.place(split, 640, 80);
        canvas.place(end, 800, 80);

        canvas.open(query, "Our recipients");
        canvas.rule("Last name", "is", token);
        canvas.save();

        // A value whose name is not an identifier is refused by the engine, in the dialog.
        canvas.open(enrichment, "Engagement");
        browser.type(By.cssSelector("[id$='enrichmentTable:0:valueName']"), "clicks 7");
        String refused = canvas.saveRefused();
        assertTrue(refused.contains("is not a name"), refused);

        browser.type(By.cssSelector("[id$='enrichmentTable:0:valueName']"), "clicks7");
        // The spinner shows the default 30: select it and type over it, as a person does.
        browser.find(By.cssSelector("[id$='enrichmentTable:0:valueDays_input']"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "7");
        browser.click(By.cssSelector("[id$='enrichmentTable:0:valueEveryone'] .ui-chkbox-box"));
        browser.click(By.id("tabs:workflowForm:addValue"));
        browser.findAtLeast(By.cssSelector("[id$='enrichmentTable:1:valueName']"), 1);
        browser.type(By.cssSelector("[id$='enrichmentTable:1:valueName']"), "town");
        browser.choose(By.cssSelector("[id$='enrichmentTable:1:valueSource']"), "A recipient field");
        browser.findAtLeast(By.cssSelector("[id$='enrichmentTable:1:valueField']"), 1);
        browser.choose(By.cssSelector("[id$='enrichmentTable:1:valueField']"), "Country");
        canvas.save();

        canvas.connect(start, "out", query);
        canvas.connect(query, "out", enrichment);
        canvas.connect(enrichment, "out", split);

        // Saved: after a reload the dialog shows both values as set.
        canvas.reload();
        canvas.open(enrichment, null);
        assertEquals(
                "clicks7",
                browser.find(By.cssSelector("[id$='enrichmentTable:0:valueName']"))
                        .getAttribute("value"));
        assertEquals(
                "7",
                browser.find(By.cssSelector("[id$='enrichmentTable:0:valueDays_input']"))
                        .getAttribute("value"));
        assertEquals(
                "town",
                browser.find(By.cssSelector("[id$='enrichmentTable:1:valueName']"))
                        .getAttribute("value"));
        assertTrue(
                browser.text(By.cssSelector("[id$='enrichmentTable:1:valueField']"))
                        .contains("Country"),
                "the field copied");
        canvas.save();

        // The Split after it offers the values as condition fields, a count with a number's operators.
        canvas.open(split, "Active");
        canvas.rule("Enrichment: clicks7", "is at least", "0");
        canvas.save();
        canvas.connect(split, "subset1", end);

        canvas.start();
        assertTrue(
                Polling.eventually(PATIENCE, () -> "Finished".equals(canvas.runStatus())),
                "the run finishes: " + canvas.runStatus());
        assertEquals(3, canvas.count("Engagement", "out"), "the enrichment's transition carries its population");
        assertEquals(3, canvas.count("Our recipients", "out"));
        assertEquals(3, canvas.count("Active", "subset1"), "enrichment.clicks7 >= 0: everyone (no click is 0)");
        assertTrue(canvas.canvasCounts().contains("3"), "and on the diagram: " + canvas.canvasCounts());
    }
}

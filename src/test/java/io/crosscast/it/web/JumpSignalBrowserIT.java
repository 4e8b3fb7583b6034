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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Jump and External signal drawn in the browser (issue 17): from the palette, set in their dialogs, saved; a jump
 * loop round a Wait run until its guard fails it, the jump listed with its count; an External signal's dialog shows
 * the URL that signals it, and its settings are saved.
 */
class JumpSignalBrowserIT extends BrowserTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aJumpLoopAndAnExternalSignalAreDrawnSavedAndRun() {
        String token = "J" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ApiClient api = ApiClient.as(base, "marketer", "marketer");
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    201,
                    api.post(
                                    "recipients",
                                    Json.createObjectBuilder()
                                            .add("firstName", "R" + i)
                                            .add("lastName", token)
                                            .build())
                            .status());
        }
        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        WorkflowCanvas canvas = new WorkflowCanvas(browser);
        canvas.createCampaign("Jumps " + token);

        String start = canvas.add("start");
        String query = canvas.add("query");
        String land = canvas.add("jumpTo");
        String wait = canvas.add("wait");
        String jump = canvas.add("jumpFrom");

        canvas.open(query, "Ours");
        canvas.rule("Last name", "is", token);
        canvas.save();
        canvas.open(land, "Retry here");
        browser.type(By.id("tabs:workflowForm:landingName"), "retry");
        canvas.save();
        canvas.open(wait, null);
        browser.type(By.id("tabs:workflowForm:waitMinutes_input"), "0");
        canvas.save();
        canvas.open(jump, "Again");
        browser.type(By.id("tabs:workflowForm:jumpTarget"), "retry");
        browser.type(By.id("tabs:workflowForm:maxPasses_input"), "2");
        canvas.save();

        canvas.connect(start, "out", query);
        canvas.connect(query, "out", land);
        canvas.connect(land, "out", wait);
        canvas.connect(wait, "out", jump);
        assertEquals(
                List.of(start + ":out>" + query, land + ":out>" + wait, query + ":out>" + land, wait + ":out>" + jump)
                        .stream()
                        .sorted()
                        .toList(),
                canvas.connections().stream().sorted().toList());
        assertEquals(
                Boolean.TRUE,
                ((JavascriptExecutor) browser.driver())
                        .executeScript(
                                "return PrimeFaces.widgets.wfDiagram.canvas.getEndpoint(arguments[0]) == null"
                                        + " && PrimeFaces.widgets.wfDiagram.canvas.getEndpoint(arguments[1]) != null;",
                                jump + ":jump",
                                jump + ":in"),
                "a Jump (from) has an input but no output to draw from");

        canvas.start();
        assertTrue(Polling.eventually(PATIENCE, () -> "Failed".equals(canvas.runStatus())), "the guard ends the loop");
        String detail = browser.text(By.cssSelector(".cc-node[data-activity='" + jump + "'] .cc-node-detail"));
        assertTrue(detail.contains("has made its 2 passes to 'retry'"), detail);
        assertTrue(
                canvas.transitions().contains("Again (jump) → Retry here"),
                () -> "the jump is listed with the transitions: " + canvas.transitions());
        assertTrue(canvas.canvasCounts().contains("3"), () -> "counts drawn: " + canvas.canvasCounts());

        // An External signal (the failed run is over: the diagram can be edited): its dialog shows the URL that
        // signals it; its settings are saved. (The run's poll does not redraw the palette: the page is loaded again.)
        canvas.reload();
        String signal = canvas.add("externalSignal");
        canvas.open(signal, "Payment");
        browser.type(By.id("tabs:workflowForm:signalName"), "paid");
        browser.type(By.id("tabs:workflowForm:timeoutHours_input"), "48");
        canvas.save();
        canvas.reload();
        canvas.open(signal, null);
        assertEquals("paid", browser.find(By.id("tabs:workflowForm:signalName")).getAttribute("value"));
        assertEquals(
                "48",
                browser.find(By.id("tabs:workflowForm:timeoutHours_input")).getAttribute("value"));
        assertTrue(
                browser.text(By.id("signalHelp")).contains("/api/runs/{run}/signals/paid"),
                () -> browser.text(By.id("signalHelp")));
        browser.click(By.id("tabs:workflowForm:cancelActivity"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> !d.findElement(By.id("tabs:workflowForm:activityDialog"))
                        .isDisplayed());
        canvas.open(jump, null);
        assertEquals(
                "retry", browser.find(By.id("tabs:workflowForm:jumpTarget")).getAttribute("value"));
        assertEquals(
                "2", browser.find(By.id("tabs:workflowForm:maxPasses_input")).getAttribute("value"));
    }
}

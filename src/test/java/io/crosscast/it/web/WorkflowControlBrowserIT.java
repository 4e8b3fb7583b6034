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

/**
 * The diagram editor's checks and run controls in the browser: an unfinished workflow is refused at Start
 * with its problems shown above the diagram; a dialog refuses invalid settings and keeps them; once drawn
 * right it starts, and Pause, Resume and Stop act on the run, its states shown on the boxes.
 */
class WorkflowControlBrowserIT extends BrowserTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void startIsRefusedWithTheProblemsThenTheRunIsPausedResumedAndStopped() {
        String token = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
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
        canvas.createCampaign("Controls " + token);

        String start = canvas.add("start");
        String query = canvas.add("query");
        String wait = canvas.add("wait");
        String end = canvas.add("end");
        canvas.place(end, 430, 200);

        // A change can be undone: an activity added by mistake goes away again.
        String extra = canvas.add("fork");
        canvas.undo();
        assertTrue(!canvas.has(extra), "undo removed the fork");

        // Positions are saved: after a reload, the End is where it was dropped.
        browser.driver().navigate().refresh();
        canvas.openTab();
        assertEquals(430, canvas.position(end)[0], 2);
        assertEquals(200, canvas.position(end)[1], 2);

        // Nothing connected, nothing set: Start lists what is wrong and starts nothing.
        canvas.start();
        String problems = browser.text(By.id("startProblems"));
        assertTrue(problems.contains("Query"), problems);
        assertTrue(browser.isPresent(By.id("tabs:workflowForm:startRun")), "still not running");

        // A Query without a condition is refused by its dialog, which stays open.
        canvas.open(query, "Our recipients");
        String refused = canvas.saveRefused();
        assertTrue(refused.toLowerCase().contains("condition"), refused);
        canvas.rule("Last name", "is", token);
        canvas.save();

        // The Wait's dialog also says where it leads (the way to connect without a mouse).
        canvas.open(wait, "Ten minutes");
        browser.type(By.id("tabs:workflowForm:waitMinutes_input"), "10");
        browser.choose(By.cssSelector("[id$=':0:nextActivity']"), "End " + end);
        canvas.save();
        assertEquals(1, canvas.transitionCount(), "the dialog drew the Wait's transition");

        canvas.connect(start, "out", query);
        canvas.connect(query, "out", wait);

        canvas.start();
        assertTrue(Polling.eventually(PATIENCE, () -> "Waiting".equals(canvas.state(wait))), "the Wait waits");
        assertEquals(3, canvas.count("Our recipients", "out"), "the query's count shows on its transition");
        assertTrue(canvas.canvasCounts().contains("3"), "and on the diagram: " + canvas.canvasCounts());

        canvas.pause();
        assertEquals("Paused", canvas.runStatus());
        canvas.resume();
        assertEquals("Running", canvas.runStatus());
        canvas.stop();
        assertEquals("Stopped", canvas.runStatus());
        assertTrue(browser.isPresent(By.id("tabs:workflowForm:startRun")), "a stopped workflow can start again");
    }

    @Test
    void aFailedActivityShowsItsErrorAndCanBeRestarted() {
        WorkflowCanvas canvas = newCampaign("en-US", "Failing ");
        String start = canvas.add("start");
        String query = canvas.add("query");
        String end = canvas.add("end");
        drawFailingQuery(canvas, start, query, end, "Non-clickers", "Delivery behaviour", "did not click");

        canvas.start();
        assertTrue(Polling.eventually(PATIENCE, () -> "Failed".equals(canvas.state(query))), "the Query fails");
        canvas.open(query, null);
        String error = browser.text(By.id("tabs:workflowForm:activityError"));
        assertTrue(error.contains("needs a delivery"), error);

        browser.click(By.id("tabs:workflowForm:restartActivity"));
        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> browser.text(By.id("tabs:workflowForm:log")).contains("Restarted from " + query)),
                "the restart is in the run's log");
        assertTrue(
                Polling.eventually(PATIENCE, () -> "Failed".equals(canvas.state(query))),
                "and the Query, run again, fails again for the same reason");
    }

    @Test
    void aFrenchReaderReadsTheWorkflowsProblemsAndRunLogInFrench() {
        WorkflowCanvas canvas = newCampaign("fr-FR", "Français ");
        String start = canvas.add("start");
        String query = canvas.add("query");
        String end = canvas.add("end");

        // Nothing connected: the engine's problems come in French.
        canvas.start();
        String problems = browser.text(By.id("startProblems"));
        assertTrue(problems.contains("transition(s) entrante(s)"), problems);
        assertTrue(!problems.contains("incoming"), problems);

        // A Query whose filter needs a delivery upstream fails when it runs: its error and the run's log
        // are in French too.
        drawFailingQuery(
                canvas, start, query, end, "Non-cliqueurs", "Comportement sur une diffusion", "n'a pas cliqué");
        canvas.start();
        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> browser.text(By.id("tabs:workflowForm:log")).contains("Exécution démarrée")),
                "the run's log is in French");
        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> browser.text(By.id("tabs:workflowForm:log")).contains("échec")),
                "and so is the failure in it");
    }

    /** Signs in as the marketer reading {@code language} and opens the diagram of a new campaign. */
    private WorkflowCanvas newCampaign(String language, String name) {
        browser = new Browser(base, language);
        browser.signIn("marketer", "marketer");
        WorkflowCanvas canvas = new WorkflowCanvas(browser);
        canvas.createCampaign(name + UUID.randomUUID().toString().substring(0, 8));
        return canvas;
    }

    /**
     * Start, then a Query filtering on "did not click the incoming delivery" (a valid filter, but nothing
     * upstream sends a delivery: the Query fails when it runs), then End; the field and operator as the
     * builder shows them in the reader's language.
     */
    private static void drawFailingQuery(
            WorkflowCanvas canvas,
            String start,
            String query,
            String end,
            String label,
            String field,
            String operator) {
        canvas.open(query, label);
        canvas.rule(field, operator, null);
        canvas.save();
        canvas.connect(start, "out", query);
        canvas.connect(query, "out", end);
    }
}

package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient;
import io.crosscast.it.support.Browser;
import io.crosscast.it.support.Polling;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The diagram editor's removals and a Split's subsets in the browser: an activity removed from its dialog
 * goes with its transitions; a transition opened by a click on its count on the canvas shows its recipients
 * and is removed from its dialog; a Split's subsets are added, edited, moved up and removed in its dialog, and
 * their transitions follow them. Each change is checked as shown, then as saved: the page is loaded again,
 * which draws the diagram from the database.
 */
class WorkflowEditingBrowserIT extends BrowserTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void anActivityRemovedFromItsDialogGoesWithItsTransitions() {
        WorkflowCanvas canvas = newCampaign("Removal ");
        String start = canvas.add("start");
        String query = canvas.add("query");
        String wait = canvas.add("wait");
        String end = canvas.add("end");
        canvas.connect(start, "out", query);
        canvas.connect(query, "out", wait);
        canvas.connect(wait, "out", end);
        assertEquals(
                sorted(List.of(start + ":out>" + query, query + ":out>" + wait, wait + ":out>" + end)),
                canvas.connections());

        canvas.open(query, null);
        canvas.removeActivity();

        List<String> left = List.of("Wait " + wait + " (out) → End " + end);
        assertFalse(canvas.has(query), "the Query is gone from the canvas");
        assertEquals(List.of("Start", "Wait", "End"), canvas.activities());
        assertEquals(left, canvas.transitions(), "its two transitions went with it, the other one stays");
        assertEquals(List.of(wait + ":out>" + end), canvas.connections());

        canvas.reload();
        assertFalse(canvas.has(query), "the removal was saved");
        assertTrue(canvas.has(start) && canvas.has(wait) && canvas.has(end), "and only the Query was removed");
        assertEquals(left, canvas.transitions());
        assertEquals(List.of(wait + ":out>" + end), canvas.connections());
    }

    @Test
    void aTransitionOpensFromItsCountOnTheCanvasAndIsRemovedFromItsDialog() {
        String token = token();
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
        WorkflowCanvas canvas = newCampaign("Transition ");
        String start = canvas.add("start");
        String query = canvas.add("query");
        String end = canvas.add("end");
        canvas.open(query, "Our recipients");
        canvas.rule("Last name", "is", token);
        canvas.save();
        canvas.connect(start, "out", query);
        canvas.connect(query, "out", end);

        canvas.start();
        assertTrue(Polling.eventually(PATIENCE, () -> "Finished".equals(canvas.runStatus())), "the run finishes");
        assertTrue(
                Polling.eventually(PATIENCE, () -> canvas.canvasCounts().contains("3")),
                () -> "the Query's count is drawn on its transition: " + canvas.canvasCounts());

        // A click on the count (the second transition: ccOpenTransition is given its index) opens its dialog.
        canvas.openCount("3");
        assertEquals("Our recipients (out) → End " + end, browser.text(By.id("transitionName")));
        assertEquals("3", browser.text(By.id("tabs:workflowForm:transitionCount")));
        String population = browser.text(By.id("tabs:workflowForm:population"));
        for (int i = 0; i < 3; i++) {
            assertTrue(population.contains("r" + i + "." + token + "@example.com"), population);
        }

        canvas.removeTransition();
        List<String> left = List.of("Start " + start + " (out) → Our recipients");
        assertEquals(left, canvas.transitions(), "the table lost the transition");
        assertEquals(List.of(start + ":out>" + query), canvas.connections(), "and so did the canvas");
        assertTrue(canvas.canvasCounts().isEmpty(), "with its count: " + canvas.canvasCounts());

        canvas.reload();
        assertEquals(left, canvas.transitions(), "the removal was saved");
        assertEquals(List.of(start + ":out>" + query), canvas.connections());
        assertTrue(canvas.has(end), "the activities stay");
    }

    @Test
    void aSplitsSubsetsAreAddedEditedMovedAndRemovedAndTheirTransitionsFollowThem() {
        WorkflowCanvas canvas = newCampaign("Subsets ");
        String split = canvas.add("split");
        String endGold = canvas.add("end");
        String endSilver = canvas.add("end");
        String endBronze = canvas.add("end");

        // Added: three subsets, each with its label, the first two with a limit, the first two with a filter.
        canvas.open(split, "Tiers");
        canvas.subsetLabel(0, "Gold");
        canvas.subsetLimit(0, "10");
        canvas.rule("Last name", "is", "Goldsmith");
        canvas.addSubset();
        assertEquals(1, canvas.editedSubset(), "the subset added is the one whose filter is edited");
        canvas.subsetLabel(1, "Silver");
        canvas.subsetLimit(1, "50%");
        canvas.rule("First name", "is", "Silvia");
        canvas.addSubset();
        canvas.subsetLabel(2, "Bronze");
        canvas.save();
        assertEquals(List.of("Bronze", "Gold", "Silver"), canvas.outputLabels(), "one output per subset");

        // Each subset leads to its own End.
        canvas.connect(split, "subset1", endGold);
        canvas.connect(split, "subset2", endSilver);
        canvas.connect(split, "subset3", endBronze);
        assertEquals(
                List.of(
                        "Tiers (subset1) → End " + endGold,
                        "Tiers (subset2) → End " + endSilver,
                        "Tiers (subset3) → End " + endBronze),
                canvas.transitions());

        canvas.reload();
        canvas.open(split, null);
        assertEquals(List.of("Gold", "Silver", "Bronze"), canvas.subsetLabels(), "the subsets as saved");
        assertEquals(
                List.of(
                        "Subset 1: Gold -> End " + endGold,
                        "Subset 2: Silver -> End " + endSilver,
                        "Subset 3: Bronze -> End " + endBronze),
                canvas.nextActivities(),
                "with their transitions");
        assertEquals(List.of("10", "50%", ""), canvas.subsetLimits());
        assertEquals(0, canvas.editedSubset());
        assertEquals(List.of("Goldsmith"), canvas.ruleValues(), "the builder shows the first subset's filter");

        // Edited: Silver's filter (chosen with Edit), label and limit.
        canvas.editSubset(1);
        assertEquals(List.of("Silvia"), canvas.ruleValues(), "Edit shows that subset's own filter");
        canvas.ruleValue(0, "Silvana");
        canvas.subsetLabel(1, "Silver+");
        canvas.subsetLimit(1, "5");
        // Moved: Bronze one place up, ahead of Silver; it is then the subset whose filter is edited.
        canvas.moveSubsetUp(2);
        assertEquals(List.of("Gold", "Bronze", "Silver+"), canvas.subsetLabels());
        assertEquals(List.of("10", "", "5"), canvas.subsetLimits());
        assertEquals(1, canvas.editedSubset());
        assertEquals(List.of(), canvas.ruleValues(), "Bronze has no filter");
        // Removed: Gold.
        canvas.removeSubset(0);
        assertEquals(List.of("Bronze", "Silver+"), canvas.subsetLabels());
        // Added again: an unlabelled subset for everyone left, without limit or filter.
        canvas.addSubset();
        assertEquals(List.of("Bronze", "Silver+", ""), canvas.subsetLabels());
        canvas.save();

        assertEquals(
                List.of("3", "Bronze", "Silver+"),
                canvas.outputLabels(),
                "one output per subset, the new one" + " named by its number");
        List<String> transitions = List.of("Tiers (subset1) → End " + endBronze, "Tiers (subset2) → End " + endSilver);
        assertEquals(
                transitions,
                sorted(canvas.transitions()),
                "Bronze and Silver keep their Ends; Gold's transition went with it, the new subset has none");

        canvas.reload();
        assertEquals(transitions, sorted(canvas.transitions()), "the transitions as saved");
        canvas.open(split, null);
        assertEquals(List.of("Bronze", "Silver+", ""), canvas.subsetLabels(), "the subsets as saved");
        assertEquals(List.of("", "5", ""), canvas.subsetLimits());
        assertEquals(
                List.of(
                        "Subset 1: Bronze -> End " + endBronze,
                        "Subset 2: Silver+ -> End " + endSilver,
                        "Subset 3 -> (none)"),
                canvas.nextActivities());
        assertEquals(List.of(), canvas.ruleValues(), "Bronze, first now, has no filter");
        canvas.editSubset(1);
        assertEquals(List.of("Silvana"), canvas.ruleValues(), "Silver's filter as edited");
        canvas.editSubset(2);
        assertEquals(List.of(), canvas.ruleValues(), "the new subset has no filter");
    }

    /** Signs in as the marketer and opens the diagram of a new campaign. */
    @Test
    void aSplitsSubsetLabelsShowWholeBesideTheirDotsApartAndALargeDiagramOpensFitted() {
        WorkflowCanvas canvas = newCampaign("Legible ");
        String split = canvas.add("split");
        String quiet = canvas.add("end");
        String opener = canvas.add("end");
        String clicker = canvas.add("end");
        List<String> labels = List.of("Neither opened nor clicked", "Opened but did not click", "Clicked the offer");
        canvas.open(split, "Behaviour");
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                canvas.addSubset();
            }
            canvas.subsetLabel(i, labels.get(i));
            canvas.rule("Last name", "is", "L" + i);
        }
        canvas.save();
        canvas.place(split, 40, 170);
        canvas.place(quiet, 320, 50);
        canvas.place(opener, 320, 170);
        canvas.place(clicker, 320, 290);
        canvas.connect(split, "subset1", quiet);
        canvas.connect(split, "subset2", opener);
        canvas.connect(split, "subset3", clicker);

        List<Map<String, Object>> shown = canvas.rectangles(".cc-output-label");
        assertEquals(labels, shown.stream().map(r -> r.get("text")).toList(), "whole, top to bottom");
        Map<String, Object> splitBox = canvas.rectangles(".cc-node-box").stream()
                .filter(r -> split.equals(r.get("id")))
                .findFirst()
                .orElseThrow();
        for (int i = 0; i < shown.size(); i++) {
            Map<String, Object> label = shown.get(i);
            assertTrue(
                    WorkflowCanvas.number(label, "left") >= WorkflowCanvas.number(splitBox, "right"),
                    () -> "beside the Split, not over it: " + label + " " + splitBox);
            for (Map<String, Object> box : canvas.rectangles(".cc-node-box")) {
                assertFalse(WorkflowCanvas.overlap(label, box), () -> label + " covers " + box);
            }
            for (Map<String, Object> other : shown.subList(i + 1, shown.size())) {
                assertFalse(WorkflowCanvas.overlap(label, other), () -> label + " covers " + other);
            }
        }

        // Wider than the visible canvas once the window is narrower: the diagram opens fitted.
        canvas.place(clicker, 900, 290);
        browser.driver().manage().window().setSize(new Dimension(900, 1000));
        try {
            canvas.reload();
            String zoom = browser.waitForText(By.cssSelector(".cc-zoom-value"), "%");
            assertTrue(
                    Polling.eventually(
                            Duration.ofSeconds(5),
                            () -> !"100%".equals(browser.text(By.cssSelector(".cc-zoom-value")))),
                    () -> "fitted on opening, not left at " + zoom);
            Map<String, Object> wrap = canvas.rectangles(".cc-canvas-wrap").get(0);
            for (Map<String, Object> box : canvas.rectangles(".cc-node-box")) {
                assertTrue(
                        WorkflowCanvas.number(box, "right") <= WorkflowCanvas.number(wrap, "right"),
                        () -> box + " cut off by " + wrap);
            }
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    /**
     * The palette (21 entries) is a column no taller than the canvas beside it: with the canvas in view, the whole
     * palette is in view, its entries scroll within it (not the page), and a group folded stays folded when an
     * addition draws the palette again (issue #15).
     */
    @Test
    void thePaletteFitsBesideTheCanvasAndAFoldedGroupStaysFolded() {
        WorkflowCanvas canvas = newCampaign("Palette ");
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.querySelector('.cc-canvas-wrap').scrollIntoView({block: 'nearest'});");
        Map<String, Object> palette = canvas.rectangles(".cc-palette").get(0);
        Map<String, Object> wrap = canvas.rectangles(".cc-canvas-wrap").get(0);
        Number window = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerHeight;");
        assertTrue(
                WorkflowCanvas.number(wrap, "bottom") <= window.doubleValue() + 1,
                () -> "the canvas " + wrap + " in the window " + window);
        assertTrue(
                WorkflowCanvas.number(palette, "top") >= WorkflowCanvas.number(wrap, "top") - 1
                        && WorkflowCanvas.number(palette, "bottom") <= WorkflowCanvas.number(wrap, "bottom") + 1,
                () -> "the palette " + palette + " within the canvas's height " + wrap);
        String abTest = canvas.add("abTest");
        assertTrue(canvas.has(abTest), "the palette's last entry adds");

        By flow = By.cssSelector("details.cc-palette-group[data-group='flow'] > summary");
        By wait = By.cssSelector(".cc-add-wait");
        browser.click(flow);
        assertFalse(browser.driver().findElement(wait).isDisplayed(), "Flow control folded");
        canvas.add("query");
        assertTrue(
                Polling.eventually(
                        Duration.ofSeconds(5),
                        () -> !browser.driver().findElement(wait).isDisplayed()),
                "still folded once the addition drew the palette again");
        browser.click(flow);
        String added = canvas.add("wait");
        assertTrue(canvas.has(added), "unfolded, its entries add again");
    }

    private WorkflowCanvas newCampaign(String name) {
        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        WorkflowCanvas canvas = new WorkflowCanvas(browser);
        canvas.createCampaign(name + token());
        return canvas;
    }

    private static String token() {
        return "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}

package io.crosscast.it.web;

import io.crosscast.it.support.Browser;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "Targeting and workflows" tab of a campaign as a marketer uses it, for browser tests: create a
 * campaign, add activities from the palette, drag connections from an output to an input, open an
 * activity's dialog with a double-click, start and control the run, read states and counts.
 */
final class WorkflowCanvas {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Browser browser;

    WorkflowCanvas(Browser browser) {
        this.browser = browser;
    }

    /** Creates a campaign from the campaigns page and opens its Targeting and workflows tab. */
    void createCampaign(String label) {
        browser.open("campaigns/index.xhtml");
        browser.click(By.id("campaignsForm:newCampaign"));
        browser.type(By.id("campaignsForm:newLabel"), label);
        browser.click(By.id("campaignsForm:createCampaign"));
        browser.waitForText(By.cssSelector(".cc-title"), label);
        openTab();
    }

    void openTab() {
        browser.click(By.xpath("//ul[@role='tablist']//a[contains(@href, 'workflowTab')]"));
        browser.find(By.id("tabs:workflowForm:canvas"));
    }

    /** Adds an activity of that type from the palette; returns its id on the canvas. */
    String add(String type) {
        Set<String> before = ids();
        browser.click(By.cssSelector(".cc-add-" + type));
        new WebDriverWait(browser.driver(), TIMEOUT).until(d -> ids().size() > before.size());
        Set<String> after = ids();
        after.removeAll(before);
        return after.iterator().next();
    }

    private Set<String> ids() {
        Set<String> ids = new HashSet<>();
        for (WebElement node : browser.driver().findElements(By.cssSelector(".cc-node"))) {
            ids.add(node.getAttribute("data-activity"));
        }
        return ids;
    }

    WebElement node(String id) {
        return browser.find(By.cssSelector(".cc-node[data-activity='" + id + "']"));
    }

    /** Drags from an output's end point to the input of another activity, the way a person draws an arrow. */
    void connect(String from, String output, String to) {
        int before = transitionCount();
        WebElement source = endPoint(from + ":" + output);
        WebElement target = endPoint(to + ":in");
        new Actions(browser.driver())
                .moveToElement(source)
                .clickAndHold()
                .pause(Duration.ofMillis(150))
                .moveByOffset(10, 10)
                .pause(Duration.ofMillis(100))
                .moveToElement(target)
                .pause(Duration.ofMillis(150))
                .release()
                .perform();
        browser.waitForPage();
        new WebDriverWait(browser.driver(), TIMEOUT).until(d -> transitionCount() > before);
    }

    /** The DOM element of a jsPlumb end point, by its id ({@code activity:output}). */
    private WebElement endPoint(String uuid) {
        browser.waitForPage();
        Object element = new WebDriverWait(browser.driver(), TIMEOUT)
                .until(d -> ((JavascriptExecutor) d)
                        .executeScript(
                                "var w = PrimeFaces.widgets.wfDiagram; var e = w && w.canvas && w.canvas.getEndpoint(arguments[0]);"
                                        + " if (e) { e.canvas.scrollIntoView({block: 'center', inline: 'center'}); }"
                                        + " return e ? e.canvas : null;",
                                uuid));
        return (WebElement) element;
    }

    int transitionCount() {
        return browser.driver()
                .findElements(By.cssSelector("[id$='workflowForm:transitions_data'] tr td .cc-transition-name"))
                .size();
    }

    /** Moves an activity on the canvas by dragging it. */
    void move(String id, int dx, int dy) {
        WebElement label = node(id).findElement(By.cssSelector(".cc-node-label"));
        // The canvas's top at the window's top first, so that the box to drag is in view whatever scrolled the
        // page before (the palette scrolls within its own column since issue #15, but other panels may not).
        ((JavascriptExecutor) browser.driver())
                .executeScript("var wrap = document.querySelector('.cc-canvas-wrap');"
                        + " if (wrap) { wrap.scrollIntoView({block: 'start', inline: 'nearest'}); }");
        new Actions(browser.driver()).dragAndDropBy(label, dx, dy).perform();
        browser.waitForPage();
    }

    /** Where an activity's box is on the canvas (left, top in px, unzoomed). */
    int[] position(String id) {
        Object xy = ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "var box = arguments[0].parentNode; return [parseInt(box.style.left), parseInt(box.style.top)];",
                        node(id));
        List<?> list = (List<?>) xy;
        return new int[] {((Number) list.get(0)).intValue(), ((Number) list.get(1)).intValue()};
    }

    /** Drags an activity to that place (px, at 100 % zoom). */
    void place(String id, int x, int y) {
        int[] now = position(id);
        move(id, x - now[0], y - now[1]);
    }

    void fit() {
        browser.click(By.id("tabs:workflowForm:fit"));
    }

    void undo() {
        browser.click(By.id("tabs:workflowForm:undo"));
    }

    boolean has(String id) {
        return !browser.driver()
                .findElements(By.cssSelector(".cc-node[data-activity='" + id + "']"))
                .isEmpty();
    }

    /** Opens an activity's properties dialog with a double-click and types its label. */
    void open(String id, String label) {
        WebElement node = node(id);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", node);
        new Actions(browser.driver())
                .doubleClick(node.findElement(By.cssSelector(".cc-node-label")))
                .perform();
        browser.waitForPage();
        new WebDriverWait(browser.driver(), TIMEOUT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:workflowForm:activityLabel")));
        if (label != null) {
            browser.type(By.id("tabs:workflowForm:activityLabel"), label);
        }
    }

    /** Saves the open dialog and waits until it closes. */
    void save() {
        browser.click(By.id("tabs:workflowForm:saveActivity"));
        waitUntilClosed("activityDialog");
    }

    /** Removes the activity of the open dialog ("Remove the activity") and waits until the dialog closes. */
    void removeActivity() {
        browser.click(By.id("tabs:workflowForm:removeActivity"));
        waitUntilClosed("activityDialog");
    }

    /**
     * Closes a dialog of the workflow form by its title bar's close button and waits until it is hidden: while a
     * modal dialog fades out, keys typed elsewhere may go to the element it gives the focus back to.
     */
    void closeDialog(String dialog) {
        browser.driver()
                .findElement(By.cssSelector("#tabs\\:workflowForm\\:" + dialog + " .ui-dialog-titlebar-close"))
                .click();
        waitUntilClosed(dialog);
    }

    /** Until the dialog and its modal mask are gone (the mask keeps the focus and the clicks until then). */
    private void waitUntilClosed(String dialog) {
        new WebDriverWait(browser.driver(), TIMEOUT)
                .until(d -> !d.findElement(By.id("tabs:workflowForm:" + dialog)).isDisplayed()
                        && d.findElements(By.id("tabs:workflowForm:" + dialog + "_modal")).stream()
                                .noneMatch(WebElement::isDisplayed));
    }

    /** Loads the campaign's page again (a new view: the diagram as saved) and opens the tab. */
    void reload() {
        browser.driver().navigate().refresh();
        browser.waitForPage();
        openTab();
    }

    /** Saves the open dialog and expects it to stay open with a message; returns the messages' text. */
    String saveRefused() {
        browser.click(By.id("tabs:workflowForm:saveActivity"));
        return browser.find(By.id("tabs:workflowForm:activityMessages")).getText();
    }

    /** A rule of the condition builder in the dialog: field, operator, and a text value (or none). */
    void rule(String field, String operator, String value) {
        int rules = browser.driver()
                .findElements(By.cssSelector("#tabs\\:workflowForm\\:activityDialog .cc-rule"))
                .size();
        browser.click(By.id("tabs:workflowForm:activityConditionAddRule"));
        List<WebElement> all =
                browser.findAtLeast(By.cssSelector("#tabs\\:workflowForm\\:activityDialog .cc-rule"), rules + 1);
        String ruleId =
                all.get(rules).findElement(By.cssSelector(".cc-rule-field")).getAttribute("id");
        browser.choose(By.id(ruleId), field);
        List<WebElement> again =
                browser.findAtLeast(By.cssSelector("#tabs\\:workflowForm\\:activityDialog .cc-rule"), rules + 1);
        String operatorId = again.get(rules)
                .findElement(By.cssSelector(".cc-rule-operator"))
                .getAttribute("id");
        browser.choose(By.id(operatorId), operator);
        if (value != null) {
            WebElement input = browser.findAtLeast(
                            By.cssSelector("#tabs\\:workflowForm\\:activityDialog .cc-rule"), rules + 1)
                    .get(rules)
                    .findElement(By.cssSelector("input.cc-rule-value"));
            input.clear();
            input.sendKeys(value);
            browser.waitForPage();
        }
    }

    /** Writes a new delivery in the dialog (subject null for an SMS) and chooses it. */
    void newDelivery(String label, String sender, String subject, String body) {
        browser.click(By.id("tabs:workflowForm:newDeliveryOpen"));
        browser.type(By.id("tabs:workflowForm:newDeliveryLabel"), label);
        browser.type(By.id("tabs:workflowForm:newDeliverySender"), sender);
        if (subject != null) {
            browser.type(By.id("tabs:workflowForm:newDeliverySubject"), subject);
        }
        browser.type(By.id("tabs:workflowForm:newDeliveryBody"), body);
        browser.click(By.id("tabs:workflowForm:createDelivery"));
        browser.waitForText(By.id("tabs:workflowForm:delivery_label"), label);
    }

    /** Ticks a checkbox of the dialog. */
    void check(String id) {
        browser.click(By.cssSelector("[id='tabs:workflowForm:" + id + "'] .ui-chkbox-box"));
    }

    void subsetLabel(int index, String label) {
        browser.type(By.id("tabs:workflowForm:subsetTable:" + index + ":subsetLabel"), label);
    }

    /** Adds a subset to the Split of the dialog; the builder then edits its filter. */
    void addSubset() {
        int rows = browser.driver()
                .findElements(By.cssSelector("[id='tabs:workflowForm:subsetTable_data'] tr"))
                .size();
        browser.click(By.id("tabs:workflowForm:addSubset"));
        browser.findAtLeast(By.cssSelector("[id='tabs:workflowForm:subsetTable_data'] tr"), rows + 1);
    }

    void subsetLimit(int index, String limit) {
        browser.type(By.id("tabs:workflowForm:subsetTable:" + index + ":subsetLimit"), limit);
    }

    /** Chooses the subset whose filter the dialog's condition builder edits ("Edit" on its row). */
    void editSubset(int index) {
        browser.click(By.id("tabs:workflowForm:subsetTable:" + index + ":editSubset"));
        browser.find(By.cssSelector(
                "[id='tabs:workflowForm:subsetTable_data'] tr:nth-child(" + (index + 1) + ") .cc-tag-editing"));
    }

    /** Moves a subset of the dialog's Split one place up ("Move up" on its row). */
    void moveSubsetUp(int index) {
        String label = subsetLabels().get(index);
        browser.click(By.id("tabs:workflowForm:subsetTable:" + index + ":upSubset"));
        new WebDriverWait(browser.driver(), TIMEOUT)
                .until(d -> label.equals(subsetLabels().get(index - 1)));
    }

    /** Removes a subset of the dialog's Split (the bin on its row). */
    void removeSubset(int index) {
        int rows = subsetLabels().size();
        browser.click(By.id("tabs:workflowForm:subsetTable:" + index + ":removeSubset"));
        new WebDriverWait(browser.driver(), TIMEOUT).until(d -> subsetLabels().size() == rows - 1);
    }

    /** The labels of the dialog's subsets, in order, as their fields hold them. */
    List<String> subsetLabels() {
        return subsetFields("subsetLabel");
    }

    /** The limits of the dialog's subsets, in order, as their fields hold them. */
    List<String> subsetLimits() {
        return subsetFields("subsetLimit");
    }

    private List<String> subsetFields(String field) {
        return stable(() -> browser
                .driver()
                .findElements(
                        By.cssSelector("[id='tabs:workflowForm:subsetTable_data']" + " input[id$=':" + field + "']"))
                .stream()
                .map(input -> input.getDomProperty("value"))
                .toList());
    }

    /** The row of the subset whose filter the condition builder shows (from 0). */
    int editedSubset() {
        return stable(() -> {
            List<WebElement> rows =
                    browser.driver().findElements(By.cssSelector("[id='tabs:workflowForm:subsetTable_data'] tr"));
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).findElements(By.cssSelector(".cc-tag-editing")).isEmpty()) {
                    return i;
                }
            }
            return -1;
        });
    }

    /** The text values of the rules of the dialog's condition builder, in order. */
    List<String> ruleValues() {
        return stable(() -> browser
                .driver()
                .findElements(By.cssSelector("#tabs\\:workflowForm\\:activityDialog" + " .cc-rule input.cc-rule-value"))
                .stream()
                .map(input -> input.getDomProperty("value"))
                .toList());
    }

    /**
     * Changes the text value of a rule (from 0) of the dialog's condition builder: typed over the old one (a
     * cleared field would already send its change, and the builder would be drawn again under the typing).
     */
    void ruleValue(int index, String value) {
        WebElement input = browser.findAtLeast(
                        By.cssSelector("#tabs\\:workflowForm\\:activityDialog .cc-rule" + " input.cc-rule-value"),
                        index + 1)
                .get(index);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        browser.waitForPage();
    }

    /** The dialog's "Next activity" rows: each output as the dialog names it, and the activity chosen for it. */
    List<String> nextActivities() {
        return stable(() ->
                browser
                        .driver()
                        .findElements(By.cssSelector("#tabs\\:workflowForm\\:activityDialog .cc-next-row"))
                        .stream()
                        .map(row -> row.findElement(By.cssSelector("label")).getText() + " -> "
                                + row.findElement(By.cssSelector(".ui-selectonemenu-label"))
                                        .getText())
                        .toList());
    }

    /** A tracking-log rule: clicked the link with that label. */
    void clickedLink(String label) {
        browser.click(By.id("tabs:workflowForm:activityConditionAddTrackingLog"));
        WebElement row = browser.find(By.cssSelector("#tabs\\:workflowForm\\:activityDialog .cc-tracking-log"));
        browser.choose(
                By.id(row.findElement(By.cssSelector(".cc-tracking-type")).getAttribute("id")), "Clicks");
        // Anyone's clicks: the test's headless browser counts as a machine, not a person.
        row = browser.find(By.cssSelector("#tabs\\:workflowForm\\:activityDialog .cc-tracking-log"));
        browser.choose(
                By.id(row.findElement(By.cssSelector(".cc-tracking-actors")).getAttribute("id")),
                "by anyone (people and machines)");
        row = browser.find(By.cssSelector("#tabs\\:workflowForm\\:activityDialog .cc-tracking-log"));
        browser.choose(
                By.id(row.findElement(By.cssSelector(".cc-tracking-link")).getAttribute("id")), "on the link labelled");
        WebElement input = browser.find(By.cssSelector("#tabs\\:workflowForm\\:activityDialog .cc-tracking-label"));
        input.clear();
        input.sendKeys(label, org.openqa.selenium.Keys.TAB);
        browser.waitForPage();
    }

    /** Opens the population of a transition from the transitions table. */
    void viewPopulation(String fromLabel, String output) {
        for (WebElement row :
                browser.driver().findElements(By.cssSelector("[id$='workflowForm:transitions_data'] tr"))) {
            List<WebElement> name = row.findElements(By.cssSelector(".cc-transition-name"));
            if (!name.isEmpty() && name.get(0).getText().startsWith(fromLabel + " (" + output + ")")) {
                row.findElement(By.cssSelector("button")).click();
                browser.waitForPage();
                browser.find(By.id("tabs:workflowForm:transitionDialog"));
                return;
            }
        }
        throw new IllegalStateException("No transition from " + fromLabel + " (" + output + ")");
    }

    /**
     * Opens a transition's dialog by a click on the count drawn on its connection on the canvas; waits until the
     * dialog shows a transition.
     */
    void openCount(String count) {
        WebElement label = new WebDriverWait(browser.driver(), TIMEOUT)
                .until(d -> d.findElements(By.cssSelector(".cc-count")).stream()
                        .filter(e -> count.equals(e.getText()))
                        .findFirst()
                        .orElse(null));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", label);
        label.click();
        browser.waitForPage();
        new WebDriverWait(browser.driver(), TIMEOUT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("transitionName")));
    }

    /** Removes the transition of the open dialog ("Remove the transition") and waits until the dialog closes. */
    void removeTransition() {
        browser.click(By.id("tabs:workflowForm:removeTransition"));
        waitUntilClosed("transitionDialog");
    }

    /** The transitions as the table under the canvas names them ("From (output) → To"), in order. */
    List<String> transitions() {
        return stable(
                () -> browser
                        .driver()
                        .findElements(By.cssSelector("[id$='workflowForm:transitions_data'] .cc-transition-name"))
                        .stream()
                        .map(WebElement::getText)
                        .toList());
    }

    /** The activities as the table under the canvas names them, in order. */
    List<String> activities() {
        return stable(
                () -> browser
                        .driver()
                        .findElements(By.cssSelector("[id$='workflowForm:activities_data'] .cc-activity-link"))
                        .stream()
                        .map(WebElement::getText)
                        .toList());
    }

    /** The connections drawn on the canvas, as {@code from:output>to}, sorted. */
    List<String> connections() {
        browser.waitForPage();
        Object drawn = ((JavascriptExecutor) browser.driver())
                .executeScript("var w = PrimeFaces.widgets.wfDiagram; if (!w || !w.canvas) { return []; }"
                        + " return w.canvas.getAllConnections().map(function (c) {"
                        + " return c.endpoints[0].getUuid() + '>' + c.endpoints[1].getUuid().replace(/:in$/, ''); });");
        return ((List<?>) drawn).stream().map(String::valueOf).sorted().toList();
    }

    /** The labels drawn on the canvas beside output end points (a Split's subsets), sorted. */
    List<String> outputLabels() {
        return stable(() -> browser.driver().findElements(By.cssSelector(".cc-output-label")).stream()
                .map(WebElement::getText)
                .sorted()
                .toList());
    }

    void start() {
        browser.click(By.id("tabs:workflowForm:startRun"));
    }

    void pause() {
        browser.click(By.id("tabs:workflowForm:pauseRun"));
    }

    void resume() {
        browser.click(By.id("tabs:workflowForm:resumeRun"));
    }

    /** Stops the run, answering yes to the confirmation. */
    void stop() {
        browser.click(By.id("tabs:workflowForm:stopRun"));
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
    }

    String runStatus() {
        return stable(() -> browser.text(By.id("tabs:workflowForm:runStatus")));
    }

    /**
     * Reads what the page shows while the run's poll may render it again under the reader's feet: a read that
     * meets an element just replaced is done again.
     */
    private <T> T stable(java.util.function.Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                browser.waitForPage();
                return read.get();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The count shown for a transition (row of the transitions table), -1 while it has none. */
    long count(String fromLabel, String output) {
        return stable(() -> readCount(fromLabel, output));
    }

    private long readCount(String fromLabel, String output) {
        for (WebElement row :
                browser.driver().findElements(By.cssSelector("[id$='workflowForm:transitions_data'] tr"))) {
            List<WebElement> name = row.findElements(By.cssSelector(".cc-transition-name"));
            if (!name.isEmpty() && name.get(0).getText().startsWith(fromLabel + " (" + output + ")")) {
                List<WebElement> count = row.findElements(By.cssSelector(".cc-transition-count"));
                return count.isEmpty()
                        ? -1
                        : Long.parseLong(count.get(0).getText().replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No transition from " + fromLabel + " (" + output + ")");
    }

    /** The count labels drawn on the canvas's connections. */
    List<String> canvasCounts() {
        return stable(() -> browser.driver().findElements(By.cssSelector(".cc-count")).stream()
                .map(WebElement::getText)
                .toList());
    }

    /** The label shown on an activity's box. */
    String label(String id) {
        return stable(
                () -> node(id).findElement(By.cssSelector(".cc-node-label")).getText());
    }

    /** The state shown on an activity's box. */
    String state(String id) {
        return stable(
                () -> node(id).findElement(By.cssSelector(".cc-node-state")).getText());
    }
    /** The page rectangles of the elements a selector finds (text, id of a diagram box), top to bottom. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rectangles(String selector) {
        Object found = ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "return Array.from(document.querySelectorAll(arguments[0])).map(function (e) {"
                                + " var r = e.getBoundingClientRect(), a = e.querySelector('[data-activity]');"
                                + " return {text: e.textContent, id: a ? a.getAttribute('data-activity') : e.id,"
                                + " left: r.left, right: r.right,"
                                + " top: r.top, bottom: r.bottom}; })"
                                + ".sort(function (a, b) { return a.top - b.top; });",
                        selector);
        return (List<Map<String, Object>>) found;
    }

    static double number(Map<String, Object> rectangle, String side) {
        return ((Number) rectangle.get(side)).doubleValue();
    }

    static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
        return number(a, "left") < number(b, "right")
                && number(b, "left") < number(a, "right")
                && number(a, "top") < number(b, "bottom")
                && number(b, "top") < number(a, "bottom");
    }
}

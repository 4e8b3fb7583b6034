package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Browser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a user types reaches the diagram as text, never as markup; and with the pages' Content-Security-Policy
 * (no script without the page's nonce) the pages still work: the diagram, its dialogs, a chart, the CSV
 * upload, with no violation reported in the browser's console.
 */
class PageSecurityBrowserIT extends BrowserTestCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** 18 characters, the longest a subset label shows: would send the page's next post to another host. */
    private static final String BASE = "<base href=//e.co>";

    private static final String BOLD = "<b>B</b>";
    private static final String ACTIVITY = "<i>Act</i> & \"q\"";

    @Test
    void labelsWithMarkupAreDrawnAsText() {
        String token = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        WorkflowCanvas canvas = new WorkflowCanvas(browser);
        canvas.createCampaign("Text " + token);

        String start = canvas.add("start");
        String split = canvas.add("split");
        String end = canvas.add("end");
        canvas.place(end, 430, 200);
        canvas.connect(start, "out", split);

        canvas.open(split, ACTIVITY);
        canvas.subsetLabel(0, BOLD);
        canvas.rule("Last name", "is", token);
        canvas.addSubset();
        canvas.subsetLabel(1, BASE);
        canvas.rule("Last name", "is", token + "x");
        canvas.save();

        List<String> labels = outputLabels();
        assertTrue(labels.contains(BOLD), "the subset label as typed: " + labels);
        assertTrue(labels.contains(BASE), "the subset label as typed: " + labels);
        assertEquals(
                0,
                count(
                        "[id='tabs:workflowForm:diagram'] b, [id='tabs:workflowForm:diagram'] i:not(.cc-node-icon):not(.pi)"),
                "no element made of a label");
        assertEquals(0, count("base"), "no base element in the document");
        assertEquals(ACTIVITY, canvas.label(split), "the activity's label as typed");

        // The page still posts to Crosscast: the output labelled with a base element connects.
        canvas.connect(split, "subset2", end);
        assertEquals(0, count("base"), "no base element in the document");
        assertTrue(outputLabels().contains(BASE), "drawn again as text: " + outputLabels());
        assertNoPolicyViolation(browser.consoleErrors());
    }

    @Test
    void pagesWorkUnderTheContentSecurityPolicy() throws Exception {
        String token = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        browser = new Browser(base);
        browser.signIn("marketer", "marketer");
        browser.open("campaigns/index.xhtml");
        List<String> errors = new ArrayList<>(browser.consoleErrors());

        // The policy is there: a script the page did not write (no nonce) does not run, and the console says so.
        Object ran = js("var s = document.createElement('script'); s.textContent = 'window.ccInjected = true;';"
                + " document.head.appendChild(s); return window.ccInjected === true;");
        assertEquals(Boolean.FALSE, ran, "an injected inline script is refused");
        List<String> refused = browser.consoleErrors();
        assertTrue(
                refused.stream().anyMatch(PageSecurityBrowserIT::isPolicyViolation),
                "the refusal is reported in the console: " + refused);

        // Dialog (opened by a button's onclick, which PrimeFaces moved into a script with the nonce).
        WorkflowCanvas canvas = new WorkflowCanvas(browser);
        canvas.createCampaign("Policy " + token);

        // The diagram: add, connect, open an activity's dialog with its cog button, a nested dialog, save.
        String start = canvas.add("start");
        String delivery = canvas.add("emailDelivery");
        canvas.connect(start, "out", delivery);
        WebElement cog = canvas.node(delivery).findElement(By.cssSelector(".cc-node-open"));
        js("arguments[0].scrollIntoView({block: 'center'});", cog);
        cog.click();
        browser.waitForPage();
        new WebDriverWait(browser.driver(), TIMEOUT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:workflowForm:activityLabel")));
        browser.type(By.id("tabs:workflowForm:activityLabel"), "Offer");
        canvas.newDelivery("Offer " + token, "shop@example.com", "Hello {{firstName}}", "<p>Hello</p>");
        canvas.save();
        assertEquals("Offer", canvas.label(delivery));
        canvas.fit();
        errors.addAll(browser.consoleErrors());

        // A chart: the campaign's Reports tab draws its deliveries on a canvas.
        browser.driver().navigate().refresh();
        browser.waitForPage();
        browser.click(By.xpath("//ul[@role='tablist']//a[contains(@href, 'reportsTab')]"));
        new WebDriverWait(browser.driver(), TIMEOUT)
                .until(d -> Boolean.TRUE.equals(js("var c = document.querySelector(\"[id='tabs:perDelivery'] canvas\");"
                        + " return !!c && c.width > 0 && !!window.Chart && !!Chart.getChart(c);")));
        errors.addAll(browser.consoleErrors());

        // The CSV upload of the import page.
        Path csv = Files.createTempFile("crosscast-policy", ".csv");
        Files.write(
                csv,
                List.of("email;firstName;lastName", "a." + token + "@example.com;Ana;" + token),
                StandardCharsets.UTF_8);
        browser.importCsv(csv);
        assertEquals("1", browser.text(By.id("progressForm:created")));
        Files.deleteIfExists(csv);
        errors.addAll(browser.consoleErrors());

        assertNoPolicyViolation(errors);
    }

    private List<String> outputLabels() {
        browser.waitForPage();
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) js("return Array.prototype.map.call("
                + "document.querySelectorAll('.cc-output-label'), function (e) { return e.textContent; });");
        return texts;
    }

    private long count(String selector) {
        return ((Number) js("return document.querySelectorAll(arguments[0]).length;", selector)).longValue();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    private static boolean isPolicyViolation(String message) {
        return message.contains("Content Security Policy") || message.contains("Refused to");
    }

    private static void assertNoPolicyViolation(List<String> errors) {
        assertFalse(
                errors.stream().anyMatch(PageSecurityBrowserIT::isPolicyViolation),
                "no Content-Security-Policy violation: " + errors);
    }
}

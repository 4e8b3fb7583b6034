package io.crosscast.it.support;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven by Debian's chromedriver. The driver path is always given, so Selenium
 * never tries to download a driver or a browser. Waits are on page state and on PrimeFaces' Ajax queue,
 * never on fixed sleeps.
 */
public final class Browser implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String baseUrl;
    private final Path profile = freshProfileDir();

    public Browser(URL deploymentUrl) {
        this(deploymentUrl, "en-US");
    }

    /** A browser whose user asks for pages in {@code language} (an Accept-Language tag such as fr-FR). */
    public Browser(URL deploymentUrl, String language) {
        this.baseUrl = deploymentUrl.toString().endsWith("/") ? deploymentUrl.toString() : deploymentUrl + "/";
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1400,1000",
                "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        // The console (where chromium reports a Content-Security-Policy violation), read by consoleErrors().
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        this.driver = new ChromeDriver(service, options);
    }

    private static Path freshProfileDir() {
        try {
            return Files.createTempDirectory("crosscast-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a page of the application, e.g. {@code open("admin/system.xhtml")}. */
    public void open(String path) {
        driver.get(baseUrl + path);
        waitForPage();
    }

    public void signIn(String user, String password) {
        open("");
        type(By.id("username"), user);
        type(By.id("password"), password);
        WebElement button = driver.findElement(By.id("signIn"));
        button.click();
        // Until the next page replaced the form: right after the click, the sign-in page itself still reads as
        // loaded (CrossSiteBrowserIT once found the form still there).
        // (Chromium may also answer "node does not belong to the document" while it navigates: asked again.)
        new WebDriverWait(driver, TIMEOUT).ignoring(WebDriverException.class).until(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            }
        });
        waitForPage();
    }

    /**
     * Imports a CSV file through the import page: upload, the proposed columns (which must include Email),
     * start, and wait until the report shows.
     */
    public void importCsv(Path file) {
        importCsv(file, List.of());
    }

    /**
     * Imports a file through the import page, clicking the labels of the given choices of the mapping step first
     * (ids of radio items, e.g. {@code mappingForm:invalidValues:1}).
     */
    public void importCsv(Path file, List<String> choices) {
        open("recipients/import.xhtml");
        driver.findElement(By.cssSelector("input[type='file']")).sendKeys(file.toString());
        click(By.id("importForm:readColumns"));
        String columns = text(By.id("mappingForm:columns"));
        if (!columns.contains("Email")) {
            throw new AssertionError("the proposed columns lack Email: " + columns);
        }
        for (String choice : choices) {
            click(By.cssSelector("label[for='" + choice + "']"));
            new WebDriverWait(driver, TIMEOUT)
                    .until(d -> d.findElement(By.id(choice)).isSelected());
        }
        click(By.id("mappingForm:startImport"));
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("progressForm:summary")));
    }

    public void signOut() {
        click(By.id("menuForm:logout"));
    }

    /**
     * Types into a field the way a person does and checks the field holds the text: keys sent while a dialog that
     * just closed still holds the focus (its modal mask going away), or while an Ajax update replaces the field, are
     * lost; the typing is then done again (at most three times).
     */
    public void type(By locator, String text) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement field = find(locator);
                field.clear();
                field.sendKeys(text);
                if (text.equals(field.getAttribute("value")) || attempt == 3) {
                    return;
                }
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            }
            waitForPage();
        }
    }

    /**
     * The value of a field as it is now, "" when it is not on the page or an Ajax update is replacing it: for
     * polling a field that an update fills (reading an element that was just replaced throws otherwise).
     */
    public String valueNow(By locator) {
        try {
            List<WebElement> found = driver.findElements(locator);
            String value = found.isEmpty() ? null : found.get(0).getAttribute("value");
            return value == null ? "" : value;
        } catch (StaleElementReferenceException replaced) {
            return "";
        }
    }

    public void click(By locator) {
        new WebDriverWait(driver, TIMEOUT)
                .until(ExpectedConditions.elementToBeClickable(locator))
                .click();
        waitForPage();
    }

    public WebElement find(By locator) {
        return new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Picks an option of a PrimeFaces selectOneMenu by its label, the way a person does: open the menu, click
     * the option, then check the menu shows it. Right after an Ajax update re-rendered the menu, its widget may
     * not have bound its handlers yet and the click is lost; the pick is then tried again (at most three times).
     */
    public void choose(By menu, String label) {
        String id = find(menu).getAttribute("id");
        By shown = By.id(id + "_label");
        By option = By.cssSelector("[id='" + id + "_panel'] li[data-label=\"" + label.replace("\"", "\\\"") + "\"]");
        for (int attempt = 1; attempt <= 3; attempt++) {
            waitForPage();
            WebElement opener =
                    new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.elementToBeClickable(By.id(id)));
            // In the middle of the window: scrolled to the top edge, the open panel would sit under the
            // fixed top bar, which would take the click.
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", opener);
            opener.click();
            try {
                WebElement item = new WebDriverWait(driver, Duration.ofSeconds(5))
                        .until(ExpectedConditions.visibilityOfElementLocated(option));
                // The panel fades in: an item clicked mid-animation may not take the click.
                new WebDriverWait(driver, Duration.ofSeconds(5))
                        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                                .executeScript(
                                        "return !window.jQuery || !jQuery(arguments[0]).closest('.ui-selectonemenu-panel')"
                                                + ".is(':animated');",
                                        item)));
                item.click();
            } catch (WebDriverException notPicked) { // not shown, still fading in, or covered
                // Close this menu's panel through its widget: an Escape key would also close a dialog
                // around the menu (closeOnEscape), and the next attempt would find the menu hidden.
                ((JavascriptExecutor) driver)
                        .executeScript(
                                "var w = window.PrimeFaces && PrimeFaces.getWidgetById(arguments[0]);"
                                        + " if (w && w.panel && w.panel.is(':visible')) { w.hide(); }",
                                id);
                continue;
            }
            waitForPage();
            if (label.equals(find(shown).getText())) {
                return;
            }
        }
        throw new IllegalStateException("The menu " + id + " did not take the option '" + label + "'");
    }

    /** Waits until at least {@code count} elements match (after an Ajax update); returns them. */
    public List<WebElement> findAtLeast(By locator, int count) {
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElements(locator).size() >= count);
        return driver.findElements(locator);
    }

    /** Waits until the element's text contains {@code text}; returns the text. */
    public String waitForText(By locator, String text) {
        new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return find(locator).getText();
    }

    public boolean isPresent(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    /**
     * The element's text. An element replaced between finding and reading it (an Ajax update or a poll
     * rendering it again) is found again, at most five times.
     */
    public String text(By locator) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(locator).getText();
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Waits until the document is loaded and PrimeFaces has no Ajax request in flight. */
    public void waitForPage() {
        new WebDriverWait(driver, TIMEOUT)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return document.readyState === 'complete'"
                                + " && (!window.jQuery || jQuery.active === 0)"
                                + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    /**
     * The errors the browser's console received since the last call (chromium reports there, among others,
     * "Refused to ..." for what the page's Content-Security-Policy blocked).
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .toList();
    }

    public void clearSession() {
        driver.manage().deleteAllCookies();
    }

    /**
     * Writes what the browser shows (a screenshot and the page's HTML) to {@code target/browser/<name>.*}, for
     * reading after a failed test.
     */
    public void keepEvidence(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "browser");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException | WebDriverException e) {
            // evidence is a help, not a requirement
        }
    }

    /**
     * Saves what the browser shows as {@code <name>.png} in the folder named by the system property
     * {@code crosscast.screenshots} ({@code ./mvnw verify -Dit.test=SeedScenarioBrowserIT
     * -Dscreenshots=$PWD/docs/screenshots}); does nothing without it. The README's pictures come from there.
     */
    public void screenshot(String name) {
        String folder = System.getProperty("crosscast.screenshots", "");
        if (folder.isBlank()) {
            return;
        }
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(folder);
            java.nio.file.Files.createDirectories(dir);
            waitForPage();
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    /** Quits the browser and deletes its profile (a few MB in the temporary folder per browser otherwise). */
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            } catch (IOException | java.io.UncheckedIOException e) {
                // what is left is the temporary folder's to clean
            }
        }
    }
}

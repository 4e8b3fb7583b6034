package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Browser;
import io.crosscast.it.support.ClientTestCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The audience as a marketer uses it: create a recipient (after a refused bad email), filter the grid,
 * build a condition and watch its count, import a CSV with bad lines and read the report, add what the
 * grid shows to a list and find them there.
 */
class AudienceBrowserIT extends ClientTestCase {

    private static Browser browser;

    private String token;

    @BeforeEach
    void signIn() {
        if (browser == null) {
            browser = new Browser(base);
        }
        browser.clearSession();
        browser.signIn("marketer", "marketer");
        token = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void createARecipientAfterABadEmailIsRefused() {
        browser.open("recipients/edit.xhtml");
        browser.type(By.id("recipientForm:firstName"), "Zoé");
        browser.type(By.id("recipientForm:lastName"), token);
        browser.type(By.id("recipientForm:email"), "zoe-at-example.com");
        browser.click(By.id("recipientForm:save"));
        assertTrue(browser.waitForText(
                        By.cssSelector("[id='recipientForm:email'] ~ *, .ui-message-error"), "not a valid email")
                .contains("zoe-at-example.com"));

        browser.type(By.id("recipientForm:email"), "zoe." + token + "@example.com");
        browser.type(By.id("recipientForm:mobilePhone"), "06 11 22 33 44");
        browser.choose(By.id("recipientForm:status"), "Gold");
        browser.type(By.id("recipientForm:country"), "fr");
        browser.click(By.id("recipientForm:save"));

        assertEquals("Zoé " + token, browser.waitForText(By.id("detailForm:name"), token));
        assertEquals("+33611223344", browser.text(By.id("detailForm:mobilePhone")));
        assertEquals("FR", browser.text(By.id("detailForm:country")));
    }

    @Test
    void importFilterBuildAConditionAndAddToAList() throws IOException {
        Path csv = Files.createTempFile("crosscast-browser", ".csv");
        List<String> lines = List.of(
                "Email;Prénom;Nom;Mobile;Statut",
                "a1." + token + "@example.com;Ana;" + token + ";0611111111;gold",
                "a2." + token + "@example.com;Ben;" + token + ";0622222222;silver",
                "broken-address;Carl;" + token + ";;gold",
                "a4." + token + "@example.com;Dina;" + token + ";123;gold",
                "a5." + token + "@example.com;Eli;" + token + ";;gold",
                "a1." + token + "@example.com;Ana;" + token + ";0611111111;gold", // line 7 repeats line 2
                "a8." + token + "@example.com;Flo;" + token + ";;" + "z".repeat(5_000)); // line 8: a long status
        Files.write(csv, lines, StandardCharsets.UTF_8);

        // Import: upload, check the proposed columns, run, read the report.
        browser.importCsv(csv);
        assertEquals("3", browser.text(By.id("progressForm:created")));
        assertEquals("3", browser.text(By.id("progressForm:rejected")));
        String rejected = browser.text(By.id("progressForm:rejectedLines"));
        assertTrue(rejected.contains("broken-address") && rejected.contains("123"), rejected);
        assertTrue(rejected.contains("'" + "z".repeat(100) + "…' (5,000 characters) is not a status"), rejected);
        assertFalse(rejected.contains("z".repeat(501)), "the long value is shown cut");
        assertEquals("1", browser.text(By.id("progressForm:duplicates")));
        assertTrue(browser.text(By.id("liveCounts")).contains("1 repeated"), browser.text(By.id("liveCounts")));
        String repeated = browser.text(By.id("progressForm:repeatedLines"));
        assertTrue(repeated.contains("Repeats line") && repeated.matches("(?s).*\\b7\\s+2\\b.*"), repeated);

        // The grid, filtered on the imported last name.
        browser.open("recipients/index.xhtml");
        WebElement lastNameFilter = browser.find(By.cssSelector("[id$='recipients:lastName_filter'], "
                + "th[aria-label*='Last name'] input, th:nth-child(2) input.ui-column-filter"));
        lastNameFilter.sendKeys(token);
        browser.waitForText(By.id("recipientsForm:recipients"), "3 recipients");

        // A condition built in the builder (status is Gold) shows its live count; applied under the
        // column filter, the grid keeps Ana and Eli.
        browser.click(By.cssSelector("[id='recipientsForm:advancedPanel'] .ui-panel-titlebar-icon"));
        browser.click(By.id("recipientsForm:conditionAddRule"));
        browser.choose(By.cssSelector(".cc-rule .cc-rule-value"), "Gold");
        String count = browser.waitForText(By.cssSelector(".cc-condition-count"), "recipients");
        assertTrue(count.matches("\\d+ recipients") && Long.parseLong(count.split(" ")[0]) >= 2, count);
        browser.click(By.id("recipientsForm:applyCondition"));
        browser.waitForText(By.id("recipientsForm:recipients"), "2 recipients");

        // Add what the grid shows to a new list, then find them there.
        String listName = "Gold " + token;
        browser.click(By.id("recipientsForm:addToList"));
        browser.type(By.id("recipientsForm:listName_input"), listName);
        browser.click(By.id("recipientsForm:confirmAddToList"));
        browser.waitForText(By.id("growl_container"), "2 recipients added");

        browser.open("lists/index.xhtml");
        browser.click(By.linkText(listName));
        assertEquals("2 members", browser.waitForText(By.id("membersForm:memberCount"), "members"));
        String members = browser.text(By.id("membersForm:members"));
        assertTrue(members.contains("Ana") && members.contains("Eli"), members);
        Files.deleteIfExists(csv);
    }

    @Test
    void anImportLeavesOutAnInvalidMobileWhenTheMarketerSaysSoAndListsItAsAWarning() throws IOException {
        Path csv = Files.createTempFile("crosscast-browser", ".csv");
        Files.write(
                csv,
                List.of(
                        "Email;Prénom;Nom;Mobile;Statut",
                        "w1." + token + "@example.com;Wim;" + token + ";+33 69 12;gold",
                        "w2." + token + "@example.com;Xia;" + token + ";;silver"),
                StandardCharsets.UTF_8);

        browser.importCsv(csv, List.of("mappingForm:invalidValues:1", "mappingForm:emptyCells:1"));

        assertEquals("2", browser.text(By.id("progressForm:created")));
        assertEquals("0", browser.text(By.id("progressForm:rejected")));
        assertEquals("1", browser.text(By.id("progressForm:warnings")));
        assertEquals("1", browser.text(By.id("progressForm:emptyCells")));
        assertTrue(browser.text(By.id("progressForm:summary")).contains("Empty cells (values cleared)"));
        String warnings = browser.text(By.id("progressForm:warningLines"));
        assertTrue(warnings.contains("+33 69 12") && warnings.contains("w1." + token), warnings);
        Files.deleteIfExists(csv);
    }
}

package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Browser;
import io.crosscast.it.support.ClientTestCase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A user signs in through the login page, sees the application's menu and signs out. */
class SignInBrowserIT extends ClientTestCase {

    private static Browser browser;

    @BeforeEach
    void freshSession() {
        if (browser == null) {
            browser = new Browser(base);
        }
        browser.clearSession();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMarketerSignsInAndSeesTheMenu() {
        browser.signIn("marketer", "marketer");

        String menu = browser.text(By.id("menuForm:menu"));
        for (String entry : List.of("Campaigns", "Recipients", "Lists", "Deliveries")) {
            assertTrue(menu.contains(entry), "menu lacks " + entry + ": " + menu);
        }
        assertFalse(menu.contains("Administration"), "a marketer has no Administration entry");
        assertTrue(browser.text(By.id("currentUser")).contains("marketer"));
        assertTrue(browser.text(By.id("welcome")).contains("marketer"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        browser.signIn("marketer", "not-the-password");

        assertTrue(browser.text(By.id("loginError")).contains("wrong password"));
        assertFalse(browser.isPresent(By.id("menuForm:menu")));
    }

    @Test
    void anAdministratorSeesTheSystemStatus() {
        browser.signIn("admin", "admin");
        browser.click(By.linkText("Administration"));

        String expectedDatabase = "postgresql".equals(System.getProperty("it.db")) ? "POSTGRESQL" : "H2";
        assertEquals(expectedDatabase, browser.text(By.id("database")));
        assertTrue(browser.text(By.id("scheduler")).contains("Running"), browser.text(By.id("scheduler")));
        assertFalse(browser.text(By.id("schemaVersion")).isBlank());
        String populations = browser.text(By.id("populations"));
        assertTrue(populations.matches("[\\d,]+ populations, [\\d,]+ member rows"), populations);
        String bytes = browser.text(By.id("populationBytes"));
        assertTrue(
                "POSTGRESQL".equals(expectedDatabase)
                        ? bytes.matches("[\\d.]+ (B|kB|MB|GB|TB)")
                        : bytes.equals("not reported by this database"),
                bytes);
        String nextPurge = browser.text(By.id("nextPurge"));
        assertTrue(nextPurge.contains("UTC (populations of runs ended more than 30 days ago)"), nextPurge);
    }

    @Test
    void aMarketerMayNotOpenTheAdministrationPages() {
        browser.signIn("marketer", "marketer");
        browser.open("admin/system.xhtml");

        assertTrue(browser.text(By.id("errorText")).contains("may not open"));
        assertFalse(browser.isPresent(By.id("database")));
    }

    @Test
    void signingOutEndsTheSession() {
        browser.signIn("marketer", "marketer");
        browser.signOut();

        assertTrue(browser.isPresent(By.id("loginForm")), "the login page shows after signing out");
        browser.open("index.xhtml");
        assertTrue(browser.isPresent(By.id("loginForm")), "pages need a new sign-in");
    }

    @Test
    void aFrenchBrowserGetsFrenchPages() {
        try (Browser french = new Browser(base, "fr-FR")) {
            french.signIn("marketer", "marketer");
            String menu = french.text(By.id("menuForm:menu"));
            assertTrue(menu.contains("Campagnes") && menu.contains("Destinataires"), menu);
            assertTrue(french.text(By.id("welcome")).startsWith("Bienvenue"));
        }
    }
}

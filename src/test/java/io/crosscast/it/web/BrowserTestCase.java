package io.crosscast.it.web;

import io.crosscast.it.support.Browser;
import io.crosscast.it.support.ClientTestCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;

/**
 * What a browser test with one browser per test method shares: besides the deployed application and its URL
 * ({@link ClientTestCase}), the browser, closed after each test once what it showed last is kept in
 * {@code target/browser/} (a screenshot and the page's HTML, to read when a test failed).
 */
abstract class BrowserTestCase extends ClientTestCase {

    protected Browser browser;

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            browser.keepEvidence(getClass().getSimpleName() + "-"
                    + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            browser.close();
            browser = null;
        }
    }
}

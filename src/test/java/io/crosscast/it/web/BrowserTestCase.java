package io.crosscast.it.web;

import io.crosscast.it.support.Browser;
import io.crosscast.it.support.Deployments;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a browser test with one browser per test method shares: the application deployed on the test server,
 * its URL, and the browser, closed after each test once what it showed last is kept in
 * {@code target/browser/} (a screenshot and the page's HTML, to read when a test failed).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BrowserTestCase {

    @ArquillianResource
    protected URL base;

    protected Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.crosscast();
    }

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

package io.crosscast.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments are the WAR that the build packaged (the real thing, named crosscast.war so it serves
 * /crosscast), plus the classes a test needs inside the server.
 */
public final class Deployments {

    private Deployments() {}

    public static WebArchive crosscast(Class<?>... testClasses) {
        File war = new File(System.getProperty("crosscast.war", "target/crosscast.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests with 'verify'");
        }
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        if (testClasses.length > 0) {
            // In-container tests: their classes, and Arquillian's test runner servlet opened past the login.
            archive.addClasses(testClasses)
                    .addClasses(Polling.class, SandboxMessages.class, TestDocuments.class, Sql.class, LocalApi.class);
            archive.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "arquillian-runner-access.jar")
                    .addAsManifestResource(new StringAsset(RUNNER_ACCESS), "web-fragment.xml"));
        }
        return archive;
    }

    private static final String RUNNER_ACCESS = """
            <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <name>arquillian_runner_access</name>
                <security-constraint>
                    <web-resource-collection>
                        <web-resource-name>Arquillian test runner</web-resource-name>
                        <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                        <url-pattern>/ArquillianServletRunner</url-pattern>
                    </web-resource-collection>
                </security-constraint>
            </web-fragment>
            """;
}

package io.crosscast.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments are the WAR that the build packaged (the real thing, named crosscast.war so it serves
 * /crosscast), plus the classes a test needs inside the server.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive crosscast(Class<?>... testClasses) {
        File war = new File(System.getProperty("crosscast.war", "target/crosscast.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests with 'verify'");
        }
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        if (testClasses.length > 0) {
            archive.addClasses(testClasses);
        }
        return archive;
    }
}

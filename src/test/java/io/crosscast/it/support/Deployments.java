package io.crosscast.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments are the WAR that the build packaged (the real thing, named crosscast.war so it serves
 * /crosscast), plus the classes a test needs inside the server.
 */
public final class Deployments {

    private Deployments() {}

    /**
     * The application with every integration test class that runs inside the server, deployed once for all the
     * classes that use it ({@link SharedDeployment}): the classes named {@code *IT} (and their nested classes)
     * outside the browser tests' package, and the packages {@code support} and {@code api} that they call. A
     * class that adds something the other tests must not see (a test clock, a test activity or job, libraries)
     * takes {@link #crosscast(Class...)}, a deployment of its own, and is marked {@link OwnDeployment}.
     */
    public static WebArchive shared() {
        WebArchive archive = withTestRunner(application());
        Path classes = Path.of(System.getProperty("crosscast.testClasses", "target/test-classes"));
        Path tests = classes.resolve("io/crosscast/it");
        for (Path file : sharedClassFiles(tests)) {
            archive.add(new FileAsset(file.toFile()), "WEB-INF/classes/" + classes.relativize(file));
        }
        return archive.add(EmptyAsset.INSTANCE, SharedDeployment.MARKER);
    }

    private static List<Path> sharedClassFiles(Path tests) {
        try (Stream<Path> files = Files.walk(tests)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .filter(file -> {
                        String relative = tests.relativize(file).toString();
                        String name = file.getFileName().toString();
                        return !relative.startsWith("web/")
                                && (relative.startsWith("support/")
                                        || relative.startsWith("api/")
                                        || name.matches(".*IT(\\$.*)?\\.class"));
                    })
                    .filter(file -> !ownDeployment(tests, file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(tests + " cannot be read: run the integration tests with 'verify'", e);
        }
    }

    private static boolean ownDeployment(Path tests, Path classFile) {
        String name = tests.relativize(classFile).toString().replace('/', '.');
        String outer = "io.crosscast.it."
                + name.substring(0, name.length() - ".class".length()).split("\\$")[0];
        try {
            return Class.forName(outer, false, Deployments.class.getClassLoader())
                    .isAnnotationPresent(OwnDeployment.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(outer + " is not on the test class path", e);
        }
    }

    public static WebArchive crosscast(Class<?>... testClasses) {
        WebArchive archive = application();
        if (testClasses.length > 0) {
            // In-container tests: their classes and the helpers they call inside the server.
            withTestRunner(archive.addClasses(testClasses)
                    .addClasses(Polling.class, SandboxMessages.class, TestDocuments.class, Sql.class, LocalApi.class));
        }
        return archive;
    }

    /** The WAR the build packaged. */
    private static WebArchive application() {
        File war = new File(System.getProperty("crosscast.war", "target/crosscast.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests with 'verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** Arquillian's test runner servlet opened past the login, for tests that run inside the server. */
    private static WebArchive withTestRunner(WebArchive archive) {
        return archive.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "arquillian-runner-access.jar")
                .addAsManifestResource(new StringAsset(RUNNER_ACCESS), "web-fragment.xml"));
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

package io.crosscast.it.support;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a test that talks to the server from outside shares (REST calls, plain HTTP requests, a browser): the
 * application deployed on the test server as the build packaged it, and its URL. The deployment is the shared one
 * ({@link Deployments#shared()}, deployed once for all such classes; testable, though these tests run as a client,
 * so that in-container tests can share it too).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ClientTestCase {

    @ArquillianResource
    protected URL base;

    @Deployment
    public static WebArchive deployment() {
        return Deployments.shared();
    }
}

package io.crosscast.it.support;

import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.DeploymentEvent;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;

/**
 * An Arquillian extension: the test classes whose deployment is {@link Deployments#shared()} share one deployment
 * of it on the test server instead of deploying and undeploying the application once per class (about 4 s a class:
 * minutes of CI). The first such class deploys it; the next ones find it deployed and are given its URL; it leaves
 * when a class with a deployment of its own (same name) comes, and at the end of the run. A class of its own is one
 * that adds to the application what others must not see (a test clock, a test activity, a Quartz job, libraries).
 */
public final class SharedDeployment implements LoadableExtension {

    /** The resource that marks the shared archive. */
    static final String MARKER = "META-INF/crosscast-shared-test-deployment";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Keeper.class);
    }

    /** Keeps the shared deployment deployed between classes (inside Arquillian's deployment context). */
    public static final class Keeper {

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> protocolMetaData;

        @Inject
        @DeploymentScoped
        private InstanceProducer<DeploymentDescription> description;

        @Inject
        @DeploymentScoped
        private InstanceProducer<Deployment> deploymentProducer;

        @Inject
        private Event<DeploymentEvent> undeployEvent;

        private Container container;
        private Deployment deployed;
        private ProtocolMetaData deployedMetaData;
        private boolean leaving;

        public void deploy(@Observes(precedence = -100) EventContext<DeployDeployment> context) {
            Deployment deployment = context.getEvent().getDeployment();
            if (deployed != null && isShared(deployment)) {
                description.set(deployment.getDescription());
                deploymentProducer.set(deployment);
                protocolMetaData.set(deployedMetaData);
                deployment.deployed();
                return;
            }
            leave();
            context.proceed();
            if (isShared(deployment) && deployment.isDeployed()) {
                container = context.getEvent().getContainer();
                deployed = deployment;
                deployedMetaData = protocolMetaData.get();
            }
        }

        public void undeploy(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
            Deployment deployment = context.getEvent().getDeployment();
            if (!leaving && deployed != null && isShared(deployment)) {
                deployment.undeployed();
                return;
            }
            context.proceed();
        }

        public void end(@Observes(precedence = 100) AfterSuite event) {
            leave();
        }

        private void leave() {
            if (deployed == null) {
                return;
            }
            leaving = true;
            try {
                undeployEvent.fire(new UnDeployDeployment(container, deployed));
            } finally {
                leaving = false;
                deployed = null;
                deployedMetaData = null;
            }
        }

        private static boolean isShared(Deployment deployment) {
            DeploymentDescription description = deployment.getDescription();
            return description.isArchiveDeployment()
                    && description.managed()
                    && description.getArchive().contains(MARKER);
        }
    }
}

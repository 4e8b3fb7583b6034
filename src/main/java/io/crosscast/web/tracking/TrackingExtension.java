package io.crosscast.web.tracking;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link TrackingHandler}, the tracking endpoints' fast path, ahead of the deployment's servlet chain: Undertow
 * finds this extension in the WAR ({@code META-INF/services/io.undertow.servlet.ServletExtension}) when it deploys
 * it, and the handler wraps the servlet chain's first handler (an initial handler chain wrapper).
 */
public class TrackingExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        deploymentInfo.addInitialHandlerChainWrapper(next -> new TrackingHandler(
                next, () -> (TrackingHandler.Endpoint) servletContext.getAttribute(TrackingHandler.ENDPOINT)));
    }
}

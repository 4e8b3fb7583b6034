package io.crosscast.workflow.internal;

import io.crosscast.engine.ActivityRegistry;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.activities.BuiltInActivities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The activity types the server knows: the engine's built-in ones, plus every {@link ActivityType} that
 * is a CDI bean of the application (container activities such as List update, later the deliveries).
 */
@ApplicationScoped
public class WorkflowEngineProducer {

    @Inject
    @Any
    private Instance<ActivityType> containerTypes;

    private ActivityRegistry registry;

    @Produces
    ActivityRegistry activityRegistry() {
        if (registry == null) {
            ActivityRegistry all = BuiltInActivities.registry();
            containerTypes.forEach(all::register);
            registry = all;
        }
        return registry;
    }
}

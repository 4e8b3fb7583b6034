package io.crosscast.workflow.internal;

import io.crosscast.engine.ActivityRegistry;
import io.crosscast.engine.activities.BuiltInActivities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The activity types the server knows: the engine's built-in ones (container activities join later). */
@ApplicationScoped
public class WorkflowEngineProducer {

    private final ActivityRegistry registry = BuiltInActivities.registry();

    @Produces
    ActivityRegistry activityRegistry() {
        return registry;
    }
}

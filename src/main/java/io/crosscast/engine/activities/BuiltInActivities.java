package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityRegistry;

/** Registers the built-in activity types (the container adds ListUpdate, deliveries...). */
public final class BuiltInActivities {

    private BuiltInActivities() {}

    public static ActivityRegistry register(ActivityRegistry registry) {
        return registry.register(new StartActivity())
                .register(new EndActivity())
                .register(new QueryActivity())
                .register(new SplitActivity())
                .register(new UnionActivity())
                .register(new IntersectionActivity())
                .register(new ExclusionActivity())
                .register(new DeduplicationActivity())
                .register(new ForkActivity())
                .register(new AndJoinActivity())
                .register(new TestActivity())
                .register(new WaitActivity())
                .register(new SchedulerActivity())
                .register(new EnrichmentActivity())
                .register(new JumpFromActivity())
                .register(new JumpToActivity())
                .register(new ExternalSignalActivity());
    }

    /** A new registry holding the built-ins only. */
    public static ActivityRegistry registry() {
        return register(new ActivityRegistry());
    }
}

package io.crosscast.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow as drawn by the marketer: activities joined by transitions. Immutable.
 * Nothing is checked here; see {@link WorkflowValidator}.
 */
public record WorkflowDefinition(
        String name, List<ActivityDefinition> activities, List<TransitionDefinition> transitions) {

    public WorkflowDefinition {
        Objects.requireNonNull(name, "name");
        activities = List.copyOf(activities);
        transitions = List.copyOf(transitions);
    }

    public Optional<ActivityDefinition> activity(String id) {
        return activities.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Transitions arriving at the activity, in definition order. */
    public List<TransitionDefinition> incoming(String activityId) {
        return transitions.stream()
                .filter(t -> t.toActivity().equals(activityId))
                .toList();
    }

    /** Transitions leaving the activity, in definition order. */
    public List<TransitionDefinition> outgoing(String activityId) {
        return transitions.stream()
                .filter(t -> t.fromActivity().equals(activityId))
                .toList();
    }
}

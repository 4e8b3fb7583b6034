package io.crosscast.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jumps: a departure (an activity whose type has a {@link ActivityType#jumpTarget}) leads to the landing (an activity
 * whose type has a {@link ActivityType#landingName}) of that name without an arrow drawn between them. The runner and
 * the validator see each such pair as an implicit transition from the departure's output {@value #OUTPUT} to the
 * landing, with id {@code <departure>.jump><landing>} (the form of every transition id), so that a jump fires,
 * counts, skips and loops like any transition. A departure whose target names no landing, or several, has none
 * (the validator reports it).
 */
public final class Jumps {

    /** The output of a departure that its implicit transition leaves from. */
    public static final String OUTPUT = "jump";

    private Jumps() {}

    /** The id of the implicit transition from a departure to its landing. */
    public static String transitionId(String departure, String landing) {
        return departure + "." + OUTPUT + ">" + landing;
    }

    /** The landings of the definition by name, each name with the ids of the landings that bear it. */
    public static Map<String, List<String>> landings(WorkflowDefinition def, ActivityRegistry registry) {
        Map<String, List<String>> landings = new LinkedHashMap<>();
        for (ActivityDefinition a : def.activities()) {
            registry.find(a.type())
                    .flatMap(type -> type.landingName(a))
                    .ifPresent(name -> landings.computeIfAbsent(name, k -> new ArrayList<>())
                            .add(a.id()));
        }
        return landings;
    }

    /** The implicit transitions: one per departure whose target names exactly one landing. */
    public static List<TransitionDefinition> implicit(WorkflowDefinition def, ActivityRegistry registry) {
        Map<String, List<String>> landings = null;
        List<TransitionDefinition> jumps = new ArrayList<>();
        for (ActivityDefinition a : def.activities()) {
            var target = registry.find(a.type()).flatMap(type -> type.jumpTarget(a));
            if (target.isEmpty()) {
                continue;
            }
            if (landings == null) {
                landings = landings(def, registry);
            }
            List<String> to = landings.getOrDefault(target.get(), List.of());
            if (to.size() == 1) {
                jumps.add(new TransitionDefinition(transitionId(a.id(), to.get(0)), a.id(), OUTPUT, to.get(0)));
            }
        }
        return jumps;
    }

    /** The definition with its implicit transitions added (the same definition when it has none or has them). */
    public static WorkflowDefinition expand(WorkflowDefinition def, ActivityRegistry registry) {
        List<TransitionDefinition> jumps = implicit(def, registry);
        if (jumps.isEmpty()) {
            return def;
        }
        Set<String> ids = new HashSet<>();
        def.transitions().forEach(t -> ids.add(t.id()));
        List<TransitionDefinition> all = new ArrayList<>(def.transitions());
        boolean added = false;
        for (TransitionDefinition jump : jumps) {
            if (ids.add(jump.id())) {
                all.add(jump);
                added = true;
            }
        }
        return added ? new WorkflowDefinition(def.name(), def.activities(), all) : def;
    }
}

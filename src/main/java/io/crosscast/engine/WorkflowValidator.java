package io.crosscast.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a definition against the registry and reports every problem it finds (it does not stop at the first).
 * <ul>
 *   <li>INVALID_ID (an activity id not made of letters, digits, '_', '-', '.'), UNKNOWN_TYPE, DUPLICATE_ID (activity or transition id), INVALID_CONFIG (messages of {@link ActivityType#validate})</li>
 *   <li>UNKNOWN_ACTIVITY / UNKNOWN_OUTPUT: a dangling transition end</li>
 *   <li>MISSING_INPUT / TOO_MANY_INPUTS: incoming transition count outside {@code minInputs..maxInputs}</li>
 *   <li>NO_START: no entry point (an activity whose type takes no input, i.e. {@code maxInputs() == 0}: Start)</li>
 *   <li>UNREACHABLE: not reachable from an entry point</li>
 *   <li>CYCLE: a cycle that does not pass through a wait point (reported once per strongly connected component); a
 *       cycle closed by a jump is allowed: the jump's guard bounds it</li>
 *   <li>JUMP: a jump's departure whose target names no landing or several, or with an arrow drawn from it</li>
 * </ul>
 */
public final class WorkflowValidator {

    /**
     * What an activity id may be made of: the editor makes ids like {@code query2}; the diagram writes them into
     * its widget script and element ids as they are, so quotes, spaces or markup must not get that far.
     */
    private static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private WorkflowValidator() {}

    public static List<ValidationProblem> validate(WorkflowDefinition def, ActivityRegistry registry) {
        List<ValidationProblem> problems = new ArrayList<>();
        Map<String, ActivityDefinition> byId = new LinkedHashMap<>();
        Map<String, ActivityType> typeOf = new HashMap<>();

        for (ActivityDefinition a : def.activities()) {
            if (a.id() == null || !SAFE_ID.matcher(a.id()).matches()) {
                problems.add(new ValidationProblem(
                        a.id(), ValidationProblem.INVALID_ID, Text.of("validator.invalidActivityId", a.id())));
                continue;
            }
            if (byId.putIfAbsent(a.id(), a) != null) {
                problems.add(new ValidationProblem(
                        a.id(), ValidationProblem.DUPLICATE_ID, Text.of("validator.duplicateActivity", a.id())));
                continue;
            }
            var type = registry.find(a.type());
            if (type.isEmpty()) {
                problems.add(new ValidationProblem(a.id(), ValidationProblem.UNKNOWN_TYPE, unknownType(a.type())));
                continue;
            }
            typeOf.put(a.id(), type.get());
            for (Text message : type.get().validate(a)) {
                problems.add(new ValidationProblem(a.id(), ValidationProblem.INVALID_CONFIG, message));
            }
        }

        Set<String> transitionIds = new HashSet<>();
        Map<String, Integer> inputCount = new HashMap<>();
        Map<String, List<String>> successors = new HashMap<>();
        for (TransitionDefinition t : def.transitions()) {
            if (!transitionIds.add(t.id())) {
                problems.add(new ValidationProblem(
                        null, ValidationProblem.DUPLICATE_ID, Text.of("validator.duplicateTransition", t.id())));
            }
            boolean ok = true;
            if (!byId.containsKey(t.fromActivity())) {
                problems.add(new ValidationProblem(
                        null,
                        ValidationProblem.UNKNOWN_ACTIVITY,
                        Text.of("validator.unknownSource", t.id(), t.fromActivity())));
                ok = false;
            } else if (typeOf.containsKey(t.fromActivity())
                    && !typeOf.get(t.fromActivity())
                            .outputs(byId.get(t.fromActivity()))
                            .contains(t.fromOutput())) {
                problems.add(new ValidationProblem(
                        t.fromActivity(),
                        ValidationProblem.UNKNOWN_OUTPUT,
                        Text.of("validator.unknownOutput", t.id(), t.fromOutput(), t.fromActivity())));
            }
            if (!byId.containsKey(t.toActivity())) {
                problems.add(new ValidationProblem(
                        null,
                        ValidationProblem.UNKNOWN_ACTIVITY,
                        Text.of("validator.unknownTarget", t.id(), t.toActivity())));
                ok = false;
            }
            if (ok) {
                inputCount.merge(t.toActivity(), 1, Integer::sum);
                successors
                        .computeIfAbsent(t.fromActivity(), k -> new ArrayList<>())
                        .add(t.toActivity());
            }
        }

        // Jumps: implicit transitions from each departure to its landing (Jumps), checked here.
        Map<String, List<String>> landings = Jumps.landings(def, registry);
        Set<String> jumpEdges = new HashSet<>();
        for (ActivityDefinition a : byId.values()) {
            ActivityType type = typeOf.get(a.id());
            if (type == null || type.jumpTarget(a).isEmpty()) {
                continue;
            }
            String target = type.jumpTarget(a).get();
            List<String> to = landings.getOrDefault(target, List.of());
            if (to.size() != 1) {
                problems.add(new ValidationProblem(
                        a.id(),
                        ValidationProblem.JUMP,
                        to.isEmpty()
                                ? Text.of("validator.jumpNoLanding", a.id(), target)
                                : Text.of("validator.jumpManyLandings", a.id(), target, String.join(", ", to))));
                continue;
            }
            if (!def.outgoing(a.id()).isEmpty()) {
                problems.add(
                        new ValidationProblem(a.id(), ValidationProblem.JUMP, Text.of("validator.jumpDrawn", a.id())));
            }
            inputCount.merge(to.get(0), 1, Integer::sum);
            successors.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(to.get(0));
            jumpEdges.add(a.id() + ">" + to.get(0));
        }

        List<String> roots = new ArrayList<>();
        for (var entry : typeOf.entrySet()) {
            String id = entry.getKey();
            ActivityType type = entry.getValue();
            int inputs = inputCount.getOrDefault(id, 0);
            if (inputs < type.minInputs()) {
                problems.add(new ValidationProblem(
                        id,
                        ValidationProblem.MISSING_INPUT,
                        Text.of("validator.missingInput", id, type.minInputs(), inputs)));
            }
            if (inputs > type.maxInputs()) {
                problems.add(new ValidationProblem(
                        id,
                        ValidationProblem.TOO_MANY_INPUTS,
                        Text.of("validator.tooManyInputs", id, type.maxInputs(), inputs)));
            }
            if (type.maxInputs() == 0) {
                roots.add(id);
            }
        }
        if (roots.isEmpty()) {
            problems.add(new ValidationProblem(null, ValidationProblem.NO_START, Text.of("validator.noStart")));
        } else {
            Set<String> reached = new HashSet<>(roots);
            Deque<String> todo = new ArrayDeque<>(roots);
            while (!todo.isEmpty()) {
                for (String next : successors.getOrDefault(todo.pop(), List.of())) {
                    if (reached.add(next)) {
                        todo.push(next);
                    }
                }
            }
            for (String id : byId.keySet()) {
                if (!reached.contains(id)) {
                    problems.add(new ValidationProblem(
                            id, ValidationProblem.UNREACHABLE, Text.of("validator.unreachable", id)));
                }
            }
        }

        // Cycles: strongly connected components of the graph without wait points.
        Map<String, List<String>> reduced = new LinkedHashMap<>();
        for (String id : byId.keySet()) {
            if (isWaitPoint(typeOf, id)) {
                continue;
            }
            List<String> next = new ArrayList<>();
            for (String s : successors.getOrDefault(id, List.of())) {
                if (!isWaitPoint(typeOf, s) && !jumpEdges.contains(id + ">" + s)) {
                    next.add(s);
                }
            }
            reduced.put(id, next);
        }
        for (Set<String> component : new Tarjan(reduced).components()) {
            String first = component.iterator().next();
            boolean selfLoop = reduced.get(first).contains(first);
            if (component.size() > 1 || selfLoop) {
                problems.add(new ValidationProblem(
                        first, ValidationProblem.CYCLE, Text.of("validator.cycle", String.join(", ", component))));
            }
        }
        return problems;
    }

    /** The problem of an activity whose type this server does not know. */
    public static Text unknownType(String type) {
        return Text.of("validator.unknownType", type);
    }

    private static boolean isWaitPoint(Map<String, ActivityType> typeOf, String id) {
        ActivityType type = typeOf.get(id);
        return type != null && type.isWaitPoint();
    }

    /** Tarjan's strongly connected components (graphs are small: recursion is fine). */
    private static final class Tarjan {
        private final Map<String, List<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> result = new ArrayList<>();
        private int counter;

        Tarjan(Map<String, List<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components() {
            for (String v : graph.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return result;
        }

        private void visit(String v) {
            index.put(v, counter);
            low.put(v, counter);
            counter++;
            stack.push(v);
            onStack.add(v);
            for (String w : graph.get(v)) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new LinkedHashSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                result.add(component);
            }
        }
    }
}

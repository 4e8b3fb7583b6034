package io.crosscast.audience.condition;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a condition.
 *
 * @param code      what is wrong, for translations and tests
 * @param arguments the details substituted into the message, as documented on each {@link ProblemCode}
 * @param path      where: the child indices from the root group down to the faulty rule or group (empty
 *                  for the root), so a UI can highlight it
 */
public record ConditionProblem(ProblemCode code, List<String> arguments, List<Integer> path) implements Serializable {

    /** Checks that nothing is null and freezes the lists. */
    public ConditionProblem {
        Objects.requireNonNull(code, "code");
        arguments = List.copyOf(arguments);
        path = List.copyOf(path);
    }

    /** The problem in English, in a marketer's words. */
    public String message() {
        return code.format(arguments);
    }

    /** The path as a JSON pointer into the condition's JSON form: {@code /children/2/children/0}. */
    public String jsonPointer() {
        return jsonPointer(path);
    }

    static String jsonPointer(List<Integer> path) {
        StringBuilder pointer = new StringBuilder();
        for (int index : path) {
            pointer.append("/children/").append(index);
        }
        return pointer.length() == 0 ? "/" : pointer.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}

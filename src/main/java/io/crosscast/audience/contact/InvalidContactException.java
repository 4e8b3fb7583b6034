package io.crosscast.audience.contact;

import java.util.Arrays;
import java.util.List;

/**
 * A contact value (email address, phone number, country...) that cannot be stored. The message is English,
 * written for the person who typed or imported the value, and quotes it, for example
 * {@code 'jean@@example' is not a valid email address: it must contain exactly one @}; {@link #problem()} and
 * {@link #arguments()} let pages word it in the viewer's language.
 */
public class InvalidContactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ContactProblem problem;
    private final List<String> arguments;

    /** @param arguments as documented on the problem; numbers and other values are written with {@link String#valueOf} */
    public InvalidContactException(ContactProblem problem, Object... arguments) {
        this(problem, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    private InvalidContactException(ContactProblem problem, List<String> arguments) {
        super(problem.format(arguments));
        this.problem = problem;
        this.arguments = arguments;
    }

    public ContactProblem problem() {
        return problem;
    }

    public List<String> arguments() {
        return arguments;
    }
}

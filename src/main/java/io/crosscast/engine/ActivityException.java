package io.crosscast.engine;

import java.util.Objects;

/**
 * An activity, or a port it uses, cannot go on, for a reason worded as a {@link Text}: a setting that does not parse,
 * a condition that cannot run here... Thrown during an execution, it fails the activity with that text
 * ({@link Execution}); any other exception fails it with its class and message. Its message is the English text.
 */
public class ActivityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Text text;

    public ActivityException(Text text) {
        this(text, null);
    }

    public ActivityException(Text text, Throwable cause) {
        super(Objects.requireNonNull(text, "text").english(), cause);
        this.text = text;
    }

    /** Why, in any language. */
    public Text text() {
        return text;
    }
}

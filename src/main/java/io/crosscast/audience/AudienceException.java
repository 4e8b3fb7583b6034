package io.crosscast.audience;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A request about recipients that cannot be done as asked: a bad value, a duplicate email, an unknown
 * recipient. {@link #getMessage()} is in English (logs, REST); {@link #code()} and {@link #arguments()}
 * let pages show it in the viewer's language. {@link #field()} names the form field it is about (or null).
 * Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class AudienceException extends RuntimeException {

    private final String field;
    private final String code;
    private final List<Object> arguments;

    public AudienceException(String field, String code, String message, Object... arguments) {
        super(message);
        this.field = field;
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}

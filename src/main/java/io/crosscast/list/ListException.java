package io.crosscast.list;

import jakarta.ejb.ApplicationException;

/**
 * A request about lists that cannot be done (unknown list, name taken...). Its message is for the user;
 * {@link #code()} names it for translations. Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class ListException extends RuntimeException {

    private final String code;

    public ListException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

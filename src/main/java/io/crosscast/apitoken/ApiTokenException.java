package io.crosscast.apitoken;

import jakarta.ejb.ApplicationException;

/**
 * A request about API tokens that cannot be done (unknown token, a role the caller does not hold, a bad
 * name or lifetime). Its message is for the user; {@link #code()} names it for translations. Rolls back.
 */
@ApplicationException(rollback = true)
public class ApiTokenException extends RuntimeException {

    private final String code;

    public ApiTokenException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

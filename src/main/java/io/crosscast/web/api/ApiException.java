package io.crosscast.web.api;

/**
 * A request the API layer refuses before calling a service: a missing body, a page size that is not a
 * number, an unknown sort field, a body that is not JSON... It carries the {@link ApiError} to answer.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    public ApiException(ApiError error) {
        this(error, null);
    }

    public ApiException(ApiError error, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
    }

    /** A 400 Bad Request about a field of the request ({@code field} may be null). */
    public static ApiException badRequest(String field, String code, String message) {
        return new ApiException(ApiError.of(400, code, message).withField(field));
    }

    /** What to answer. */
    public ApiError error() {
        return error;
    }
}

package io.crosscast.web.api;

/**
 * An answer could not be written as JSON: a server bug, answered with a 500. Raised by
 * {@link ResponseBodyInterceptor} so that a JSON-B failure while writing is never mistaken for a bad
 * request body.
 */
public class ResponseWritingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResponseWritingException(Throwable cause) {
        super("Could not write the response body", cause);
    }
}

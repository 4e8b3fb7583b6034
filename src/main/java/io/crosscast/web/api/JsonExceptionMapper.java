package io.crosscast.web.api;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-P could not parse a body (a {@link jakarta.json.stream.JsonParsingException}): a 400 with the line
 * and column.
 */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException exception) {
        return ApiErrors.toResponse(exception);
    }
}

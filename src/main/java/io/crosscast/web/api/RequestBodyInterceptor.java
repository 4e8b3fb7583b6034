package io.crosscast.web.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Wraps the reading of every request body: JSON that does not parse, or does not fit the expected shape
 * (text where a number is expected...), becomes a 400 {@code request.invalidJson} with the line and
 * column when the parser gives them.
 *
 * <p>RESTEasy's JSON-B reader reports both as a {@link ProcessingException} (with the {@link JsonbException}
 * and the parser's exception as causes), and it reports a failure to <em>write</em> an answer the same
 * way; catching them here, where only reading happens, keeps a server bug from looking like a client's
 * mistake (see {@link ResponseBodyInterceptor}).
 */
@Provider
public class RequestBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (NoContentException e) {
            throw new ApiException(ApiError.of(400, "request.bodyRequired", "This request needs a JSON body."), e);
        } catch (ProcessingException | JsonbException | JsonException e) {
            throw new ApiException(ApiErrors.invalidJson(e), e);
        }
    }
}

package io.crosscast.web.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * Wraps the writing of every answer: a JSON-B or JSON-P failure here is the server's fault, so it becomes
 * a {@link ResponseWritingException} (a logged 500) rather than the 400 "not valid JSON" that the same
 * exception types mean while reading a request body.
 */
@Provider
public class ResponseBodyInterceptor implements WriterInterceptor {

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } catch (ProcessingException | JsonbException | JsonException e) {
            throw new ResponseWritingException(e);
        }
    }
}

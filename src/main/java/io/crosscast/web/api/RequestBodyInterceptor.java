package io.crosscast.web.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Wraps the reading of every request body.
 *
 * <p>A JSON body is first read strictly: parsed with JSON-P, then each value checked against the declared
 * Java type of what it is bound to ({@link StrictJson}); a value of the wrong type anywhere is a 400
 * {@code request.invalidJson} listing every problem with its JSON pointer, before anything is bound. Only
 * then does JSON-B bind the checked value (a {@code JsonObject} body, such as a workflow document, is the
 * parsed value itself). An empty body goes to the binder untouched, so that each resource still decides
 * whether it needs one.
 *
 * <p>JSON that does not parse, or that the binder still refuses, becomes a 400 {@code request.invalidJson}
 * with the line and column when the parser gives them. RESTEasy's JSON-B reader reports such failures as a
 * {@link ProcessingException} (with the {@link JsonbException} and the parser's exception as causes), and
 * it reports a failure to <em>write</em> an answer the same way; catching them here, where only reading
 * happens, keeps a server bug from looking like a client's mistake (see {@link ResponseBodyInterceptor}).
 */
@Provider
public class RequestBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            if (isJson(context.getMediaType()) && !isRaw(context.getType())) {
                byte[] body = context.getInputStream().readAllBytes();
                if (isBlank(body)) {
                    context.setInputStream(new ByteArrayInputStream(body));
                } else {
                    JsonValue parsed = parse(body, context.getMediaType());
                    if (parsed.getValueType() != JsonValue.ValueType.NULL) {
                        JsonValue checked = StrictJson.check(parsed, context.getGenericType());
                        if (context.getType().isInstance(checked)) {
                            return checked;
                        }
                        context.setInputStream(
                                new ByteArrayInputStream(checked.toString().getBytes(StandardCharsets.UTF_8)));
                        context.setMediaType(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
                        context.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
                    } else {
                        context.setInputStream(new ByteArrayInputStream(body));
                    }
                }
            }
            return context.proceed();
        } catch (NoContentException e) {
            throw new ApiException(ApiError.of(400, "request.bodyRequired", "This request needs a JSON body."), e);
        } catch (ProcessingException | JsonbException | JsonException e) {
            throw new ApiException(ApiErrors.invalidJson(e), e);
        }
    }

    /** The body as one JSON value; a {@link JsonParsingException} if it is not JSON. */
    static JsonValue parse(byte[] body, MediaType type) {
        Charset charset = charset(type);
        try (JsonReader reader = charset == null
                ? Json.createReader(new ByteArrayInputStream(body))
                : Json.createReader(reader(body, charset))) {
            return reader.readValue();
        }
    }

    private static Reader reader(byte[] body, Charset charset) {
        return new InputStreamReader(new ByteArrayInputStream(body), charset);
    }

    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ApiException(
                    ApiError.of(
                            400,
                            "request.invalidJson",
                            "Unknown charset '" + name.strip() + "' in Content-Type: send JSON in UTF-8."),
                    e);
        }
    }

    private static boolean isJson(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype();
        return "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(subtype)
                        || subtype != null
                                && subtype.toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }

    /** Bodies taken as bytes or text, never bound: left alone. */
    private static boolean isRaw(Class<?> type) {
        return InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type)
                || type == String.class
                || type == byte[].class;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}

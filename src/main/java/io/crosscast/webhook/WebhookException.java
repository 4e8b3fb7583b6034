package io.crosscast.webhook;

import io.crosscast.platform.EnglishTemplate;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A request about webhook subscriptions that cannot be done (unknown subscription, bad URL...). {@link #code()} is
 * the bundles' key of its wording; the message is its English. Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class WebhookException extends RuntimeException {

    private final String code;
    private final String field;
    private final List<Object> arguments;

    public WebhookException(String code, String field, Object... arguments) {
        super(EnglishTemplate.text(EnglishTemplate.MESSAGES, code, List.of(arguments)));
        this.code = code;
        this.field = field;
        this.arguments = List.of(arguments);
    }

    /** The values its wording quotes, in order. */
    public Object[] arguments() {
        return arguments.toArray();
    }

    public String code() {
        return code;
    }

    /** The input it concerns ({@code url}, {@code events}, {@code secret}), or null. */
    public String field() {
        return field;
    }

    /** 404 for an unknown subscription, 400 otherwise. */
    public int status() {
        return "webhook.notFound".equals(code) ? 404 : 400;
    }
}

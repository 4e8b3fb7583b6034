package io.crosscast.delivery.internal;

import io.crosscast.content.EmailComposer;
import io.crosscast.content.EmailContent;
import io.crosscast.content.TrackingUrls;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A content's composers, one per language of its unsubscription line (French for a recipient whose
 * language starts with "fr", English otherwise), each compiled the first time it is needed.
 */
final class LanguageComposers {

    private final EmailContent content;
    private final TrackingUrls urls;
    private final Map<String, EmailComposer> composers = new ConcurrentHashMap<>();

    LanguageComposers(EmailContent content, TrackingUrls urls) {
        this.content = content;
        this.urls = urls;
    }

    /** The composer for a recipient of this language (null or unknown: English). */
    EmailComposer of(String language) {
        String key = language != null && language.toLowerCase(Locale.ROOT).startsWith("fr") ? "fr" : "en";
        return composers.computeIfAbsent(key, k -> EmailComposer.compile(content, unsubscribeText(k), urls));
    }

    private static String unsubscribeText(String language) {
        return ResourceBundle.getBundle(
                        "io.crosscast.web.messages",
                        Locale.forLanguageTag(language),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT))
                .getString("email.unsubscribeLink");
    }
}

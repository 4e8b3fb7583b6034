package io.crosscast.content;

import io.crosscast.platform.EnglishTemplate;
import java.util.List;

/** The personalized parts of a delivery (an email's three, an SMS's text), and how each writes values. */
public enum ContentPart {

    /** The subject line: values are written as they are. */
    SUBJECT(false),

    /** The HTML body: values are HTML-escaped. */
    HTML(true),

    /** The plain-text body: values are written as they are. */
    TEXT(false),

    /** The text of an SMS: values are written as they are; {@code {{link}}} is its tracked link. */
    SMS(false);

    private final boolean escapesHtml;

    ContentPart(boolean escapesHtml) {
        this.escapesHtml = escapesHtml;
    }

    /** The part's name in English messages: {@code Subject}, {@code HTML body}, {@code Text body}, {@code SMS text}. */
    public String label() {
        return EnglishTemplate.text(EnglishTemplate.MESSAGES, key(), List.of());
    }

    /** The key of the part's name in the web bundles. */
    public String key() {
        return "content.part." + name();
    }

    /** Whether values written into this part are HTML-escaped. */
    public boolean escapesHtml() {
        return escapesHtml;
    }
}

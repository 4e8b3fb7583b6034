package io.crosscast.content;

/** The personalized parts of a delivery (an email's three, an SMS's text), and how each writes values. */
public enum ContentPart {

    /** The subject line: values are written as they are. */
    SUBJECT("Subject", false),

    /** The HTML body: values are HTML-escaped. */
    HTML("HTML body", true),

    /** The plain-text body: values are written as they are. */
    TEXT("Text body", false),

    /** The text of an SMS: values are written as they are; {@code {{link}}} is its tracked link. */
    SMS("SMS text", false);

    private final String label;
    private final boolean escapesHtml;

    ContentPart(String label, boolean escapesHtml) {
        this.label = label;
        this.escapesHtml = escapesHtml;
    }

    /** The part's name in messages: {@code Subject}, {@code HTML body}, {@code Text body}, {@code SMS text}. */
    public String label() {
        return label;
    }

    /** Whether values written into this part are HTML-escaped. */
    public boolean escapesHtml() {
        return escapesHtml;
    }
}

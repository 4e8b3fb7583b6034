package io.crosscast.content;

/**
 * An email as one recipient receives it, for previews and proofs.
 *
 * @param subject the subject, on one line
 * @param html    the HTML body, tracking URLs included
 * @param text    the text body
 */
public record RenderedEmail(String subject, String html, String text) {}

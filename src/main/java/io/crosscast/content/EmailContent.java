package io.crosscast.content;

/**
 * What a marketer wrote for an email delivery.
 *
 * @param senderName    the From display name, or null
 * @param senderAddress the From address
 * @param replyTo       the Reply-To address, or null for none
 * @param subject       the subject template
 * @param html          the HTML body template
 * @param text          the text body template; null or blank to derive it from the HTML body
 */
public record EmailContent(
        String senderName, String senderAddress, String replyTo, String subject, String html, String text) {}

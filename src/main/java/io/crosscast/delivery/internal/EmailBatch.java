package io.crosscast.delivery.internal;

import io.crosscast.content.EmailComposer;
import io.crosscast.content.EmailContent;
import io.crosscast.content.RenderedEmail;
import io.crosscast.content.TrackingUrls;
import io.crosscast.delivery.Delivery;
import io.crosscast.tracking.TrackingLinks;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One delivery's content, compiled once and rendered per recipient. The unsubscription line is written in
 * the recipient's language (French or English), so there is one compiled composer per language. Each message then
 * gets its Feedback-ID and, when the sender's domain has a DKIM key, its signature ({@link OutgoingEmail}); the key
 * is read once per batch, that is once per sending run.
 */
public final class EmailBatch implements EmailRun.Messages {

    private final long deliveryId;
    private final EmailContent content;
    private final TrackingLinks links;
    private final TrackingUrls urls;
    private final OutgoingEmail outgoing;
    private final Map<String, EmailComposer> composers = new ConcurrentHashMap<>();

    EmailBatch(Delivery delivery, TrackingLinks links, OutgoingEmail outgoing) {
        this.deliveryId = delivery.getId();
        this.links = links;
        this.outgoing = outgoing;
        this.content = new EmailContent(
                delivery.getSenderName(),
                delivery.getSenderAddress(),
                delivery.getReplyTo(),
                delivery.getSubject(),
                delivery.getHtmlBody(),
                delivery.getTextBody());
        this.urls = new TrackingUrls() {
            @Override
            public String open(long recipientId) {
                return links.openUrl(deliveryId, recipientId);
            }

            @Override
            public String click(long recipientId, int linkIndex) {
                return links.clickUrl(deliveryId, recipientId, linkIndex);
            }

            @Override
            public String unsubscribe(long recipientId) {
                return links.unsubscribeUrl(deliveryId, recipientId);
            }
        };
    }

    @Override
    public String messageId(long recipientId) {
        return links.messageId(deliveryId, recipientId);
    }

    /** The message for one pending ledger row, with its Feedback-ID, signed when its sender's domain has a key. */
    @Override
    public MimeMessage compose(Session session, PendingMessage message, String messageId) throws MessagingException {
        return outgoing.finish(
                composer(message.language()).compose(session, message.values(), message.address(), messageId));
    }

    /** Subject and bodies as this recipient would get them. */
    public RenderedEmail preview(PendingMessage message) {
        return composer(message.language()).preview(message.values());
    }

    private EmailComposer composer(String language) {
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

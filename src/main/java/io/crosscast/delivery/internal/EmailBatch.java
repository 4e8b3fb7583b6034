package io.crosscast.delivery.internal;

import io.crosscast.content.EmailContent;
import io.crosscast.content.RenderedEmail;
import io.crosscast.content.TrackingUrls;
import io.crosscast.delivery.Delivery;
import io.crosscast.tracking.TrackingLinks;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * One delivery's content, compiled once and rendered per recipient. The unsubscription line is written in
 * the recipient's language (French or English), so there is one compiled composer per language. Each message then
 * gets its Feedback-ID and, when the sender's domain has a DKIM key, its signature ({@link OutgoingEmail}); the key
 * is read once per batch, that is once per sending run.
 */
public final class EmailBatch implements EmailRun.Messages {

    private final long deliveryId;
    private final TrackingLinks links;
    private final LanguageComposers composers;
    private final OutgoingEmail outgoing;
    private final String verp;
    private final EnrichmentJoin enrichment;

    EmailBatch(Delivery delivery, TrackingLinks links, OutgoingEmail outgoing) {
        this(delivery, links, outgoing, null);
    }

    /** With {@code verp} (the bounce address, or null): each message's envelope sender carries its token. */
    EmailBatch(Delivery delivery, TrackingLinks links, OutgoingEmail outgoing, String verp) {
        this.verp = verp;
        this.deliveryId = delivery.getId();
        this.enrichment = EnrichmentJoin.of(delivery);
        this.links = links;
        this.outgoing = outgoing;
        EmailContent content = new EmailContent(
                delivery.getSenderName(),
                delivery.getSenderAddress(),
                delivery.getReplyTo(),
                delivery.getSubject(),
                delivery.getHtmlBody(),
                delivery.getTextBody());
        TrackingUrls urls = new TrackingUrls() {
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
        this.composers = new LanguageComposers(content, urls);
    }

    @Override
    public String messageId(long recipientId) {
        return links.messageId(deliveryId, recipientId);
    }

    @Override
    public EnrichmentJoin enrichment() {
        return enrichment;
    }

    /** The message for one pending ledger row. */
    @Override
    public MimeMessage compose(Session session, PendingMessage message, String messageId) throws MessagingException {
        MimeMessage finished = outgoing.finish(
                composers.of(message.language()).compose(session, message.values(), message.address(), messageId));
        return verp == null ? finished : Verp.withEnvelopeFrom(finished, Verp.address(verp, messageId));
    }

    /** Subject and bodies as this recipient would get them. */
    public RenderedEmail preview(PendingMessage message) {
        return composers.of(message.language()).preview(message.values());
    }
}

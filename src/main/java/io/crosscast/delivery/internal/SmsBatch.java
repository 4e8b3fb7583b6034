package io.crosscast.delivery.internal;

import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.sms.SmsComposer;
import io.crosscast.delivery.sms.SmsContent;

/**
 * One SMS delivery's text, compiled once and rendered per recipient. The sender id is the delivery's
 * sender name (an alphanumeric id of at most 11 characters, or a number); the text is its text body.
 */
public final class SmsBatch {

    private final String sender;
    private final SmsComposer composer;
    private final EnrichmentJoin enrichment;

    SmsBatch(Delivery delivery) {
        this.sender = delivery.getSenderName();
        this.composer = SmsComposer.compile(delivery.getTextBody());
        this.enrichment = EnrichmentJoin.of(delivery);
    }

    public String sender() {
        return sender;
    }

    /** The values of the delivery's workflow run its text uses, read with each page of the ledger. */
    public EnrichmentJoin enrichment() {
        return enrichment;
    }

    /** The SMS for one pending ledger row. */
    public SmsContent compose(PendingMessage m) {
        return composer.compose(m.values());
    }
}

package io.crosscast.delivery.internal;

import io.crosscast.delivery.Delivery;
import io.crosscast.tracking.TrackingLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Prepares a delivery for sending: its content compiled once, with its tracking URLs and its DKIM key. */
@ApplicationScoped
public class EmailBatchFactory {

    @Inject
    private TrackingLinks links;

    @Inject
    private DkimKeys dkim;

    /**
     * The delivery's messages, ready to send.
     *
     * @throws DkimKeys.DkimKeyException if the sender's domain has a DKIM selector but its key cannot be read
     */
    public EmailBatch create(Delivery delivery) {
        return new EmailBatch(delivery, links, OutgoingEmail.of(delivery, dkim), Verp.configured());
    }
}

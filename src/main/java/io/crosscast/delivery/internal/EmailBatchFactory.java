package io.crosscast.delivery.internal;

import io.crosscast.delivery.Delivery;
import io.crosscast.tracking.TrackingLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Prepares a delivery for sending: its content compiled once, with its tracking URLs. */
@ApplicationScoped
public class EmailBatchFactory {

    @Inject
    private TrackingLinks links;

    public EmailBatch create(Delivery delivery) {
        return new EmailBatch(delivery, links);
    }
}

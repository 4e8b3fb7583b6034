package io.crosscast.delivery.internal;

import io.crosscast.delivery.Delivery;
import jakarta.enterprise.context.ApplicationScoped;

/** Prepares an SMS delivery for sending: its text compiled once. */
@ApplicationScoped
public class SmsBatchFactory {

    public SmsBatch create(Delivery delivery) {
        return new SmsBatch(delivery);
    }
}

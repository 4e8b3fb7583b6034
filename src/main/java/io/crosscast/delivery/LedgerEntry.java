package io.crosscast.delivery;

import java.time.Instant;

/** One row of a delivery's send ledger, with the recipient's name for display. */
public record LedgerEntry(
        long recipientId,
        String firstName,
        String lastName,
        String address,
        MessageStatus status,
        String reason,
        String messageId,
        Instant sentAt,
        int attempts)
        implements java.io.Serializable {}

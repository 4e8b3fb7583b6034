package io.crosscast.delivery;

import io.crosscast.audience.RecipientMarks;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * CDI event: sending has just quarantined these recipients' addresses (or numbers) for good (a hard bounce, a
 * number the SMSC refuses), one event per batch of results. Fired synchronously on the sending thread before the
 * batch commits, with the batch's JDBC {@code connection} (non-JTA, auto-commit off): an observer that records it
 * writes on that connection, so its rows commit or roll back with the batch. An observer must not commit, roll
 * back or close the connection.
 */
public record RecipientsQuarantined(
        Connection connection,
        long deliveryId,
        Channel channel,
        Instant at,
        List<RecipientMarks.Quarantine> recipients) {}

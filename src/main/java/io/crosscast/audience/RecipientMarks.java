package io.crosscast.audience;

import io.crosscast.platform.sql.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;

/**
 * The marks that sending and tracking put on recipients (opt-outs, quarantine), written in the caller's
 * JDBC transaction: the delivery package records a batch of results and the quarantines they cause in one
 * commit, the SMPP client records a STOP from its own thread. The {@code recipient} table belongs to this
 * package; other packages change it only through here or {@link RecipientService}.
 */
public final class RecipientMarks {

    /** An address or number a server refused for good, and its words. */
    public record Quarantine(long recipientId, String reason) {}

    private static final String QUARANTINE_EMAIL = "UPDATE recipient SET email_quarantined_at = ?,"
            + " email_quarantine_reason = ?, version = version + 1 WHERE id = ? AND email_quarantined_at IS NULL";
    private static final String QUARANTINE_SMS = "UPDATE recipient SET sms_quarantined_at = ?,"
            + " sms_quarantine_reason = ?, version = version + 1 WHERE id = ? AND sms_quarantined_at IS NULL";
    private static final String SMS_OPT_OUT = "UPDATE recipient SET sms_opt_out = TRUE, updated_at = ?,"
            + " version = version + 1 WHERE mobile_phone = ? AND sms_opt_out = FALSE";

    private RecipientMarks() {}

    /** Quarantines the addresses (or numbers) of this channel, in one batch; those already in stay as they were. */
    public static void quarantine(
            Connection connection, QuarantineService.Kind channel, Instant at, Collection<Quarantine> entries)
            throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Object since = SqlValues.timestamp(at);
        try (PreparedStatement write = connection.prepareStatement(
                channel == QuarantineService.Kind.EMAIL ? QUARANTINE_EMAIL : QUARANTINE_SMS)) {
            for (Quarantine entry : entries) {
                write.setObject(1, since);
                write.setString(2, entry.reason());
                write.setLong(3, entry.recipientId());
                write.addBatch();
            }
            write.executeBatch();
        }
    }

    /** Opts every recipient with this mobile number (E.164) out of SMS; returns how many were not yet. */
    public static int optOutOfSms(Connection connection, String number, Instant at) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(SMS_OPT_OUT)) {
            write.setObject(1, SqlValues.timestamp(at));
            write.setString(2, number);
            return write.executeUpdate();
        }
    }
}

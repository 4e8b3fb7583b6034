package io.crosscast.audience;

import io.crosscast.platform.DatabaseMigration;
import io.crosscast.platform.TimeStep;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Addresses and numbers put in quarantine by deliveries (a server refused them for good): who, which
 * channel, since when and why; releasing one makes it reachable again.
 */
@Stateless
public class QuarantineService {

    /** The channel of a quarantined address. */
    public enum Kind {
        EMAIL,
        SMS
    }

    /** One quarantined address or number. */
    public record Entry(
            long recipientId,
            String firstName,
            String lastName,
            Kind kind,
            String address,
            Instant since,
            String reason)
            implements java.io.Serializable {}

    private static final String ROWS = "SELECT id, first_name, last_name, 'EMAIL', email, email_quarantined_at,"
            + " email_quarantine_reason FROM recipient WHERE email_quarantined_at IS NOT NULL"
            + " UNION ALL SELECT id, first_name, last_name, 'SMS', mobile_phone, sms_quarantined_at,"
            + " sms_quarantine_reason FROM recipient WHERE sms_quarantined_at IS NOT NULL";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private DatabaseMigration database;

    /**
     * Addresses and numbers quarantined per time step from {@code from} (included) to {@code until} (excluded):
     * bucket number ({@link TimeStep#bucketOf(Instant)}) to {@code {email, sms}}; buckets without any are absent.
     * Two grouped statements over the quarantine time columns (indexed, V24).
     */
    public Map<Long, long[]> quarantinedPer(Instant from, Instant until, TimeStep step) {
        Map<Long, long[]> counts = new HashMap<>();
        String[] columns = {"email_quarantined_at", "sms_quarantined_at"};
        for (int i = 0; i < columns.length; i++) {
            for (Object row : NativeSql.query(
                            em,
                            QuarantineSql.perStep(columns[i], step, database.vendor()),
                            List.of(SqlValues.timestamp(from), SqlValues.timestamp(until)))
                    .getResultList()) {
                Object[] r = (Object[]) row;
                counts.computeIfAbsent(SqlValues.number(r[0]), b -> new long[2])[i] = SqlValues.number(r[1]);
            }
        }
        return counts;
    }

    public long count() {
        return NativeSql.count(em, "SELECT COUNT(*) FROM (" + ROWS + ") q", List.of());
    }

    /** Newest first. */
    public List<Entry> page(int first, int pageSize) {
        List<Entry> entries = new ArrayList<>();
        for (Object row : NativeSql.query(em, "SELECT * FROM (" + ROWS + ") q ORDER BY 6 DESC, 1", List.of())
                .setFirstResult(first)
                .setMaxResults(pageSize)
                .getResultList()) {
            Object[] r = (Object[]) row;
            entries.add(new Entry(
                    SqlValues.number(r[0]),
                    (String) r[1],
                    (String) r[2],
                    Kind.valueOf((String) r[3]),
                    (String) r[4],
                    SqlValues.instant(r[5]),
                    (String) r[6]));
        }
        return entries;
    }

    /** Takes the recipient's address (or number) of this channel out of quarantine; false if it was not in. */
    public boolean release(long recipientId, Kind kind) {
        String sql = kind == Kind.EMAIL
                ? "UPDATE recipient SET email_quarantined_at = NULL, email_quarantine_reason = NULL, updated_at = ?,"
                        + " version = version + 1 WHERE id = ? AND email_quarantined_at IS NOT NULL"
                : "UPDATE recipient SET sms_quarantined_at = NULL, sms_quarantine_reason = NULL, updated_at = ?,"
                        + " version = version + 1 WHERE id = ? AND sms_quarantined_at IS NOT NULL";
        return NativeSql.update(em, sql, List.of(SqlValues.timestamp(Instant.now()), recipientId)) > 0;
    }
}

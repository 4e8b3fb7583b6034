package io.crosscast.audience;

import io.crosscast.audience.internal.RecipientGenerator;
import io.crosscast.platform.DatabaseMigration;
import io.crosscast.platform.sql.NativeSql;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/** Generates realistic recipients set-based in the database (demo server, benchmarks). */
@Stateless
public class DemoData {

    /** Rows per INSERT ... SELECT: one statement per transaction keeps the undo log small. */
    static final int BATCH = 100_000;

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private DatabaseMigration database;

    @EJB
    private DemoData self;

    /** Adds {@code count} generated recipients; returns how many rows were inserted. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long generateRecipients(long count) {
        long inserted = 0;
        while (inserted < count) {
            inserted += self.insertBatch(Math.min(BATCH, count - inserted));
        }
        LOG.info(() -> "Generated " + count + " recipients");
        return inserted;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int insertBatch(long size) {
        long start = NativeSql.count(em, RecipientGenerator.nextStartSql(), List.of());
        return NativeSql.update(em, RecipientGenerator.insertSql(database.vendor()), List.of(start, size));
    }

    public long recipientCount() {
        return NativeSql.count(em, "SELECT COUNT(*) FROM recipient", List.of());
    }
}

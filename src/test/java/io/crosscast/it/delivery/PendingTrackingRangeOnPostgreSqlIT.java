package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import io.crosscast.tracking.TrackingClassifier;
import io.crosscast.tracking.classify.ActorRules;
import io.crosscast.tracking.internal.ActorClassification;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The classifier's first question of each pass, the range of the tracking logs not classified yet, is answered on
 * PostgreSQL from V29's partial index (two seeks), not by walking the primary key past every classified log
 * (about a second per pass under a burst); the "near a honeypot" lookup goes by V30's partial index on the honeypot
 * hits, and the reconsideration of recent verdicts by time. PostgreSQL only: H2 has no partial index (left out on H2
 * by its name).
 */
@ExtendWith(ArquillianExtension.class)
class PendingTrackingRangeOnPostgreSqlIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    @Test
    void thePendingRangeIsReadFromThePartialIndex() throws Exception {
        String plan = plan(TrackingClassifier.PENDING_IDS);
        assertTrue(plan.contains("ix_tracking_log_pending"), "the partial index is used:\n" + plan);
    }

    @Test
    void theHoneypotLookupGoesByThePartialIndexOfHoneypotHits() throws Exception {
        String lookup = plan("SELECT t.id FROM tracking_log t WHERE t.id > 0"
                + new ActorClassification(ActorRules.standard()).nearHoneypot());
        assertTrue(lookup.contains("ix_tracking_log_honeypot"), "the honeypot hits' index is used:\n" + lookup);
    }

    @Test
    void theRecentVerdictsAreReadByTime() throws Exception {
        String recent = plan("SELECT t.id FROM tracking_log t WHERE t.actor = 'PERSON'"
                + " AND t.logged_at >= CURRENT_TIMESTAMP - INTERVAL '600' SECOND");
        assertTrue(recent.contains("ix_tracking_log_logged"), "by time:\n" + recent);
    }

    /** The plan of {@code select}, as on a large table (the planner must not read the table for want of statistics). */
    private String plan(String select) throws Exception {
        assertTrue(Sql.postgreSql(dataSource), "PostgreSQL only (left out on H2 by its name)");
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + select)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            } finally {
                statement.execute("RESET enable_seqscan");
            }
        }
        return plan.toString();
    }
}

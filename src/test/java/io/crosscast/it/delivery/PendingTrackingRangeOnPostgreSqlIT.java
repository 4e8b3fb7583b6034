package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import io.crosscast.tracking.TrackingClassifier;
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
 * (about a second per pass under a burst). PostgreSQL only: H2 has no partial index (left out on H2 by its name).
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
        assertTrue(Sql.postgreSql(dataSource), "PostgreSQL only (left out on H2 by its name)");
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            // as on a large table: the planner must not prefer reading the table for want of statistics
            statement.execute("SET enable_seqscan = off");
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + TrackingClassifier.PENDING_IDS)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            } finally {
                statement.execute("RESET enable_seqscan");
            }
        }
        assertTrue(plan.toString().contains("ix_tracking_log_pending"), "the partial index is used:\n" + plan);
    }
}

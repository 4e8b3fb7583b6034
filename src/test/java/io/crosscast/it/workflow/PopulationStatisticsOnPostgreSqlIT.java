package io.crosscast.it.workflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import io.crosscast.workflow.internal.MemberStatistics;
import io.crosscast.workflow.internal.SqlPopulations;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL plans a statement over a population written since its last ANALYZE as if it held one row (its key
 * range lies beyond the histogram) and tests each member row by row; {@link MemberStatistics} analyses
 * {@code population_member} before such a statement when the population is large, and leaves small ones alone.
 * PostgreSQL only (H2's plans do not depend on these statistics).
 */
@ExtendWith(ArquillianExtension.class)
class PopulationStatisticsOnPostgreSqlIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    @Test
    void aLargePopulationWrittenSinceTheLastAnalyzeIsMadeKnownToThePlanner() throws SQLException {
        assertTrue(Sql.postgreSql(dataSource), "PostgreSQL only (left out on H2 by its name)");
        try (Connection connection = dataSource.getConnection()) {
            // population ids far above any real one (below 2^27): key ranges no histogram covers yet
            long large = 120_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
            long small = large + 1;
            MemberStatistics statistics = new MemberStatistics(dataSource);
            try {
                write(connection, large, 20_000);
                write(connection, small, 500);
                long before = MemberStatistics.estimate(connection, first(large), last(large));

                assertTrue(
                        statistics.refreshIfUnknown(connection, first(large), last(large)),
                        "20,000 members the planner estimated at " + before + " rows: analysed");
                long after = MemberStatistics.estimate(connection, first(large), last(large));
                assertTrue(after >= 10_000, "estimate after the ANALYZE: " + after + " rows (before: " + before + ")");

                assertFalse(
                        statistics.refreshIfUnknown(connection, first(large), last(large)),
                        "known now: not analysed again");
                assertFalse(
                        statistics.refreshIfUnknown(connection, first(small), last(small)),
                        "500 members: too small to be worth an ANALYZE");
            } finally {
                delete(connection, large);
                delete(connection, small);
            }
        }
    }

    /** The first member key of a population, as the engine lays them out ({@link SqlPopulations#range}). */
    private static long first(long population) {
        return (Long) SqlPopulations.range(population).get(0);
    }

    private static long last(long population) {
        return (Long) SqlPopulations.range(population).get(1);
    }

    private static void write(Connection connection, long population, int members) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO population_member (member_key, recipient_id)"
                        + " SELECT ? + g, g FROM generate_series(1, ?) g")) {
            insert.setLong(1, first(population));
            insert.setInt(2, members);
            insert.executeUpdate();
        }
    }

    private static void delete(Connection connection, long population) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM population_member WHERE member_key BETWEEN ? AND ?")) {
            delete.setLong(1, first(population));
            delete.setLong(2, last(population));
            delete.executeUpdate();
        }
    }
}

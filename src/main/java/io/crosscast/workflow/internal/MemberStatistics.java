package io.crosscast.workflow.internal;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * PostgreSQL's statistics of {@code population_member}, brought up to date before a statement reads a large
 * population that they do not know yet.
 *
 * <p>Why: a population is a key range written moments ago (the previous activity), beyond the histogram of the
 * last {@code ANALYZE}, so the planner estimates it at about one row. For one row it tests each member's
 * conditions with a correlated subquery (an index lookup per member and per condition) instead of hashing each
 * condition's set once: the seed's Split on 228,000 members took 1.9-2.5 s instead of 1.0-1.1 s, the hand-written
 * SQL beside it (into fresh tables, whose size the planner reads from their pages) 0.85 s.
 *
 * <p>How: only when the population holds at least {@link #LARGE} members (a count that stops there) and the
 * planner's estimate of its range is below half of that, {@code ANALYZE population_member} runs on a connection of
 * its own in autocommit (the population was committed by its activity), so its lock (SHARE UPDATE EXCLUSIVE,
 * which only another ANALYZE or VACUUM waits for) is held for the ANALYZE alone, at most {@link #LOCK_WAIT_MS}
 * waiting for it: an ANALYZE another run holds is left to finish, and the statement runs with the statistics it
 * has. The sample is bounded (300 x the statistics target rows), so an ANALYZE costs tens of milliseconds
 * whatever the table's size. An ANALYZE that fails or times out never fails the activity: it only costs the better
 * plan.
 */
public final class MemberStatistics {

    private static final Logger LOG = Logger.getLogger(MemberStatistics.class.getName());

    /** Below this many members, a row-by-row plan is as good as any: nothing is analysed. */
    static final int LARGE = 10_000;

    /** How long the ANALYZE may wait for its lock before it gives up (another one is under way). */
    static final int LOCK_WAIT_MS = 200;

    private static final Pattern ROWS = Pattern.compile("rows=(\\d+)");

    private final DataSource autocommit;

    /** @param autocommit a datasource outside the JTA transaction (the non-JTA one) */
    public MemberStatistics(DataSource autocommit) {
        this.autocommit = autocommit;
    }

    /**
     * Analyses {@code population_member} when the population of key range {@code [first, last]} holds at least
     * {@link #LARGE} members and the planner believes it holds fewer than half of that.
     *
     * @return whether it analysed
     */
    boolean refreshIfUnknown(EntityManager em, long first, long last) {
        return em.unwrap(Session.class).doReturningWork(connection -> refreshIfUnknown(connection, first, last));
    }

    /**
     * As {@link #refreshIfUnknown(EntityManager, long, long)}, the count and the estimate read on {@code current}
     * (the caller's connection, which sees the population).
     */
    public boolean refreshIfUnknown(Connection current, long first, long last) throws SQLException {
        if (firstLong(
                        current,
                        "SELECT COUNT(*) FROM (SELECT 1 FROM " + members(first, last) + " LIMIT " + LARGE + ") x")
                < LARGE) {
            return false;
        }
        if (estimate(current, first, last) >= LARGE / 2) {
            return false;
        }
        try (Connection connection = autocommit.getConnection();
                Statement statement = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            statement.execute("SET lock_timeout = " + LOCK_WAIT_MS);
            try {
                statement.execute("ANALYZE population_member");
            } finally {
                statement.execute("RESET lock_timeout");
            }
            return true;
        } catch (SQLException e) {
            LOG.log(Level.FINE, "population_member not analysed: {0}", e.getMessage());
            return false;
        }
    }

    /** The planner's estimate of how many members key range {@code [first, last]} holds, on PostgreSQL. */
    public static long estimate(Connection connection, long first, long last) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("EXPLAIN SELECT 1 FROM " + members(first, last))) {
            rs.next();
            return estimatedRows(rs.getString(1));
        }
    }

    /**
     * The members of key range {@code [first, last]} as {@code m}; the bounds are numbers computed by the engine,
     * inlined so that the estimate is the one a statement with these values gets.
     */
    private static String members(long first, long last) {
        return "population_member m WHERE m.member_key BETWEEN " + first + " AND " + last;
    }

    private static long firstLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The row estimate on the first line of a PostgreSQL plan ({@code ... rows=N width=...}); 0 when absent. */
    static long estimatedRows(String planLine) {
        Matcher matcher = ROWS.matcher(planLine);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}

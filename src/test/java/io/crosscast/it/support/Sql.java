package io.crosscast.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** For in-container tests: numbers read from the application's database with hand-written SQL, and which it is. */
public final class Sql {

    private Sql() {}

    /** The first column of the first row of {@code sql} run with these parameters (a count, a largest id...). */
    public static long number(DataSource dataSource, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Whether the application's database is PostgreSQL (for tests of what only PostgreSQL does). */
    public static boolean postgreSql(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("database product", e);
        }
    }
}

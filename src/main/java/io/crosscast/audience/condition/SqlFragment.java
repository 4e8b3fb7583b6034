package io.crosscast.audience.condition;

import java.util.List;
import java.util.Objects;

/**
 * A SQL boolean expression with {@code ?} placeholders and the values to bind to them, in order, with
 * {@link java.sql.PreparedStatement#setObject(int, Object)}.
 *
 * <p>Parameters are {@link String}, {@link Long}, {@link Boolean}, {@link java.time.LocalDate} (DATE
 * columns) or {@link java.time.OffsetDateTime} (TIMESTAMP WITH TIME ZONE columns): types that bind the
 * same on H2 and PostgreSQL.
 *
 * @param sql        the expression, e.g. {@code r.status IN (?, ?)}
 * @param parameters one value per {@code ?} (never null)
 */
public record SqlFragment(String sql, List<Object> parameters) {

    /** Checks that nothing is null and freezes the parameters. */
    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }

    /** A fragment with these parameters. */
    public static SqlFragment of(String sql, Object... parameters) {
        return new SqlFragment(sql, List.of(parameters));
    }
}

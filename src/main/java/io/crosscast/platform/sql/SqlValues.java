package io.crosscast.platform.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Converts values to and from what native queries bind and return, the same on H2 and PostgreSQL. */
public final class SqlValues {

    private SqlValues() {}

    /** An instant as bound to a {@code TIMESTAMP WITH TIME ZONE} parameter. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column value as an instant (null stays null). */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException(
                "Not a timestamp: " + value.getClass().getName());
    }

    /** A numeric column value as a long; null is 0. */
    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}

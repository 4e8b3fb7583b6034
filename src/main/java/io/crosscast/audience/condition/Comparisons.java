package io.crosscast.audience.condition;

import java.util.Collections;
import java.util.List;

/**
 * The equality shapes shared by text and enum fields. The negative ones count an empty column as
 * "not equal", which SQL's three-valued logic would otherwise leave out.
 */
final class Comparisons {

    private Comparisons() {}

    static SqlFragment equal(String column, Object value) {
        return SqlFragment.of(column + " = ?", value);
    }

    static SqlFragment notEqual(String column, Object value) {
        return SqlFragment.of("(" + column + " IS NULL OR " + column + " <> ?)", value);
    }

    static SqlFragment in(String column, List<?> values) {
        return new SqlFragment(column + " IN (" + placeholders(values.size()) + ")", List.copyOf(values));
    }

    static SqlFragment notIn(String column, List<?> values) {
        return new SqlFragment(
                "(" + column + " IS NULL OR " + column + " NOT IN (" + placeholders(values.size()) + "))",
                List.copyOf(values));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}

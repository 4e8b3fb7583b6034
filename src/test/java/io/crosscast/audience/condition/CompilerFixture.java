package io.crosscast.audience.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** A compiler on a fixed clock (2026-11-29T10:00Z, 11:00 in Paris) and the assertion the tests share. */
final class CompilerFixture {

    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ConditionCompiler COMPILER = new ConditionCompiler(Clock.fixed(NOW, ZoneOffset.UTC), PARIS);

    private CompilerFixture() {}

    static SqlFragment compile(Condition condition) {
        return COMPILER.compile(condition, "r");
    }

    static SqlFragment compile(RecipientField field, Operator operator, String... values) {
        return compile(Rule.of(field, operator, values));
    }

    static void assertCompiles(String sql, List<?> parameters, Condition condition) {
        SqlFragment fragment = compile(condition);
        assertEquals(sql, fragment.sql());
        assertEquals(parameters, fragment.parameters());
        assertEquals(placeholders(sql), parameters.size(), "one parameter per placeholder");
    }

    static long placeholders(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }
}

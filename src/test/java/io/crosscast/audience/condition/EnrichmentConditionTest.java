package io.crosscast.audience.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rules on enrichment values ({@code enrichment.<name>}): checked like other rules, refused outside a run, and
 * compiled to lookups in {@code enrichment_value} of the run only, run on H2 over a crafted data set.
 */
class EnrichmentConditionTest {

    private static final long RUN = 7;
    private static final CompileContext IN_RUN = CompileContext.EMPTY.withEnrichmentRun(RUN);

    private static Connection connection;

    @BeforeAll
    static void createTablesAndData() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:enrichment;DB_CLOSE_DELAY=-1");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE recipient (id BIGINT PRIMARY KEY)");
            statement.execute("CREATE TABLE enrichment_value (run_id BIGINT NOT NULL, name VARCHAR(40) NOT NULL,"
                    + " recipient_id BIGINT NOT NULL, num_value BIGINT, time_value TIMESTAMP(6) WITH TIME ZONE,"
                    + " text_value VARCHAR(320), PRIMARY KEY (run_id, name, recipient_id))");
        }
        for (long id = 1; id <= 6; id++) {
            execute("INSERT INTO recipient (id) VALUES (?)", id);
        }
        // clicks30 of run 7: 1 -> 0, 2 -> 1, 3 -> 3, 4 -> 5; 5 and 6 not enriched. Run 8 gives 6 a 9.
        long[][] clicks = {{1, 0}, {2, 1}, {3, 3}, {4, 5}};
        for (long[] row : clicks) {
            execute(
                    "INSERT INTO enrichment_value (run_id, name, recipient_id, num_value) VALUES (?, ?, ?, ?)",
                    RUN,
                    "clicks30",
                    row[0],
                    row[1]);
        }
        execute("INSERT INTO enrichment_value (run_id, name, recipient_id, num_value) VALUES (8, 'clicks30', 6, 9)");
        // lastOpen of run 7: 1 two days ago, 2 forty days ago, 3 never (a row with no value)
        execute(
                "INSERT INTO enrichment_value (run_id, name, recipient_id, time_value) VALUES (?, 'lastOpen', 1, ?)",
                RUN,
                OffsetDateTime.parse("2026-11-27T10:00:00Z"));
        execute(
                "INSERT INTO enrichment_value (run_id, name, recipient_id, time_value) VALUES (?, 'lastOpen', 2, ?)",
                RUN,
                OffsetDateTime.parse("2026-10-20T10:00:00Z"));
        execute("INSERT INTO enrichment_value (run_id, name, recipient_id) VALUES (?, 'lastOpen', 3)", RUN);
        execute(
                "INSERT INTO enrichment_value (run_id, name, recipient_id, text_value) VALUES (?, 'country', 1, 'FR')",
                RUN);
        execute(
                "INSERT INTO enrichment_value (run_id, name, recipient_id, text_value) VALUES (?, 'country', 2, 'DE')",
                RUN);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static void execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static Set<Long> select(Condition condition) throws SQLException {
        SqlFragment where = CompilerFixture.COMPILER.compile(condition, "r", IN_RUN);
        Set<Long> ids = new TreeSet<>();
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT r.id FROM recipient r WHERE " + where.sql())) {
            for (int i = 0; i < where.parameters().size(); i++) {
                statement.setObject(i + 1, where.parameters().get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Rule rule(String field, String operator, String... values) {
        return new Rule(field, Operator.fromJsonName(operator).orElseThrow(), List.of(values));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(
            delimiter = ';',
            value = {
                "enrichment.clicks30; greater_than; 2; 3 4",
                "enrichment.clicks30; greater_or_equal; 1; 2 3 4",
                "enrichment.clicks30; less_than; 1; 1",
                "enrichment.clicks30; less_or_equal; 3; 1 2 3",
                "enrichment.clicks30; equals; 3; 3",
                "enrichment.clicks30; not_equals; 3; 1 2 4 5 6",
                "enrichment.clicks30; is_not_empty; ; 1 2 3 4",
                "enrichment.clicks30; is_empty; ; 5 6",
                "enrichment.lastOpen; in_last_days; 30; 1",
                "enrichment.lastOpen; not_in_last_days; 30; 2 3 4 5 6",
                "enrichment.lastOpen; is_not_empty; ; 1 2",
                "enrichment.country; equals; FR; 1",
                "enrichment.country; not_equals; FR; 2 3 4 5 6",
                "enrichment.unknown; is_empty; ; 1 2 3 4 5 6",
            })
    void selectsTheRecipientsOfTheRunWhoseValueMatches(String field, String operator, String value, String expected)
            throws SQLException {
        Rule rule = value == null ? rule(field, operator) : rule(field, operator, value);
        Set<Long> ids = new TreeSet<>();
        for (String id : expected.split(" ")) {
            ids.add(Long.parseLong(id));
        }
        assertEquals(ids, select(rule));
    }

    @Test
    void combinesWithOtherRulesInAGroup() throws SQLException {
        Condition condition = new Group(
                Logic.OR,
                List.of(rule("enrichment.clicks30", "greater_than", "4"), rule("enrichment.country", "equals", "DE")));
        assertEquals(Set.of(2L, 4L), select(condition));
    }

    @Test
    void theValueAndNameAreParametersNeverSql() {
        SqlFragment fragment =
                CompilerFixture.COMPILER.compile(rule("enrichment.clicks30", "greater_than", "2"), "r", IN_RUN);
        assertEquals(List.of(RUN, "clicks30", new java.math.BigDecimal("2")), fragment.parameters());
        assertEquals(
                "EXISTS (SELECT 1 FROM enrichment_value v WHERE v.run_id = ? AND v.name = ? AND v.recipient_id = r.id"
                        + " AND v.num_value > ?)",
                fragment.sql());
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(
            delimiter = ';',
            value = {
                "enrichment.x'--; is_empty; ; UNKNOWN_FIELD",
                "enrichment.; is_empty; ; UNKNOWN_FIELD",
                "enrichment.clicks; contains; 2; ENRICHMENT_OPERATOR",
                "enrichment.clicks; greater_than; two; NOT_A_NUMBER",
                "enrichment.clicks; greater_than; ; NEEDS_ONE_VALUE",
                "enrichment.clicks; is_empty; 3; NEEDS_NO_VALUE",
                "enrichment.lastOpen; in_last_days; -1; NOT_A_DAY_COUNT",
            })
    void refusesWhatDoesNotApply(String field, String operator, String value, ProblemCode expected) {
        Rule rule = value == null ? rule(field, operator) : rule(field, operator, value);
        assertEquals(
                List.of(expected),
                ConditionValidator.validate(rule).stream()
                        .map(ConditionProblem::code)
                        .toList());
    }

    @Test
    void compilesOnlyInsideARun() {
        InvalidConditionException refused = assertThrows(
                InvalidConditionException.class,
                () -> CompilerFixture.COMPILER.compile(rule("enrichment.clicks30", "greater_than", "2"), "r"));
        assertEquals(
                List.of(ProblemCode.NO_ENRICHMENT),
                refused.problems().stream().map(ConditionProblem::code).toList());
    }
}

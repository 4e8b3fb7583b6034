package io.crosscast.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.RunState;
import io.crosscast.engine.Text;
import io.crosscast.platform.DatabaseVendor;
import io.crosscast.workflow.RunView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The real migrations on H2: a run and its log written before V10 (English messages only) still read after it, as
 * their English; lines written since read in any language. The statements are {@link DbRunLog}'s own.
 */
class RunLogOnH2Test {

    private static final String URL = "jdbc:h2:mem:runLogTexts;DB_CLOSE_DELAY=-1";

    @Test
    void oldLinesAndStatesStillReadAfterTheMigration() throws SQLException {
        migrate("9");
        try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO workflow (id, name, definition_json, created_at, updated_at)"
                        + " VALUES (1, 'old', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                statement.execute("INSERT INTO workflow_run (id, workflow_id, status, definition_json, state_json,"
                        + " started_at, updated_at) VALUES (1, 1, 'FAILED', '{}', '{\"runId\": \"1\", \"status\": \"FAILED\","
                        + " \"activities\": {\"q\": {\"phase\": \"FAILED\", \"message\": \"InvalidConditionException: nope\","
                        + " \"stored\": {}}}, \"transitions\": {}}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                statement.execute("INSERT INTO run_log (run_id, logged_at, activity_id, message)"
                        + " VALUES (1, TIMESTAMP WITH TIME ZONE '2026-11-29 09:00:00+00', NULL, 'Run started')");
            }
            migrate(null);

            Text line = Text.of("query.log.count", 1234);
            try (PreparedStatement insert = connection.prepareStatement(DbRunLog.INSERT)) {
                insert.setLong(1, 1);
                insert.setObject(2, OffsetDateTime.of(2026, 11, 29, 9, 0, 1, 0, ZoneOffset.UTC));
                insert.setString(3, "q");
                insert.setString(4, DbRunLog.english(line));
                insert.setString(5, DbRunLog.textJson(line));
                insert.executeUpdate();
            }

            List<RunView.LogLine> log = new ArrayList<>();
            try (PreparedStatement latest = connection.prepareStatement(DbRunLog.LATEST)) {
                latest.setLong(1, 1);
                latest.setInt(2, 100);
                try (ResultSet rows = latest.executeQuery()) {
                    while (rows.next()) {
                        log.add(RunViews.logLine(
                                new Object[] {rows.getObject(1), rows.getString(2), rows.getString(3), rows.getString(4)
                                }));
                    }
                }
            }
            assertEquals(2, log.size());
            assertEquals("query: 1234 recipient(s)", log.get(0).message());
            assertEquals(line, log.get(0).text());
            assertTrue(
                    log.get(0).text().in(Locale.FRENCH).startsWith("requête : "),
                    log.get(0).text().in(Locale.FRENCH));
            assertEquals("Run started", log.get(1).message());
            assertEquals("Run started", log.get(1).text().in(Locale.FRENCH));

            try (Statement statement = connection.createStatement();
                    ResultSet run = statement.executeQuery("SELECT state_json FROM workflow_run WHERE id = 1")) {
                run.next();
                RunState state = RunStateJson.read(run.getString(1));
                assertEquals(
                        "InvalidConditionException: nope", state.activity("q").message());
                assertEquals(
                        "InvalidConditionException: nope",
                        state.activity("q").failure().in(Locale.FRENCH));
            }
        }
    }

    private static void migrate(String target) {
        var configuration = Flyway.configure(RunLogOnH2Test.class.getClassLoader())
                .dataSource(URL, "sa", "")
                .locations("classpath:db/migration/common")
                .placeholders(Map.of("binary", DatabaseVendor.H2.binaryType()));
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }
}

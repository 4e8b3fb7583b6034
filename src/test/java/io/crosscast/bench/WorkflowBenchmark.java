package io.crosscast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.audience.DemoData;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.platform.Datasources;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.WorkflowService;
import io.crosscast.workflow.internal.RunAdvancer;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Query (3 rules) then an exclusive 3-subset Split on the recipients database, run by the engine, beside
 * the same result computed by hand-written SQL (see the README's Benchmarks section to run it).
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowBenchmark {

    private static final String QUERY = "{\"logic\": \"and\", \"children\": ["
            + "{\"field\": \"status\", \"operator\": \"equals\", \"values\": [\"GOLD\"]},"
            + "{\"field\": \"email\", \"operator\": \"is_not_empty\", \"values\": []},"
            + "{\"field\": \"country\", \"operator\": \"in\", \"values\": [\"FR\", \"BE\"]}]}";
    private static final String S1 = "{\"field\": \"language\", \"operator\": \"equals\", \"values\": [\"en\"]}";
    private static final String S2 =
            "{\"field\": \"birthDate\", \"operator\": \"less_than\", \"values\": [\"1970-01-01\"]}";
    private static final String S3 = "{\"field\": \"mobilePhone\", \"operator\": \"is_not_empty\", \"values\": []}";

    @Deployment
    static WebArchive deployment() {
        String settings = "bench.recipients=" + System.getProperty("bench.recipients", "1000000") + "\n" + "bench.db="
                + System.getProperty("bench.db", "h2") + "\n";
        return Deployments.crosscast(WorkflowBenchmark.class)
                .addAsResource(new StringAsset(settings), "bench.properties");
    }

    @EJB
    private WorkflowService workflows;

    @EJB
    private RunAdvancer advancer;

    @EJB
    private DemoData demoData;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    @Test
    void queryThenSplitBesideHandWrittenSql() throws IOException, SQLException {
        Properties settings = new Properties();
        try (InputStream in = WorkflowBenchmark.class.getResourceAsStream("/bench.properties")) {
            settings.load(in);
        }
        long wanted = Long.parseLong(settings.getProperty("bench.recipients"));
        long existing = demoData.recipientCount();
        if (existing < wanted) {
            demoData.generateRecipients(wanted - existing);
        }
        String json = """
                {"name": "bench", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition": %s}},
                  {"id": "split", "type": "split", "config": {"subset.1.condition": %s,
                     "subset.2.condition": %s, "subset.3.condition": %s}},
                  {"id": "e1", "type": "end"}, {"id": "e2", "type": "end"}, {"id": "e3", "type": "end"}],
                 "transitions": [{"from": "start", "to": "query"}, {"from": "query", "to": "split"},
                  {"from": "split", "output": "subset1", "to": "e1"}, {"from": "split", "output": "subset2", "to": "e2"},
                  {"from": "split", "output": "subset3", "to": "e3"}]}
                """.formatted(QUERY, S1, S2, S3);
        long workflowId = workflows.create("Benchmark", json).getId();

        // Each side runs twice; the figures are the second runs (warm caches and JIT on both sides).
        long engineMs = 0;
        long runId = 0;
        for (int round = 0; round < 2; round++) {
            if (runId != 0) {
                workflows.purge(runId);
            }
            long t0 = System.nanoTime();
            runId = workflows.start(workflowId);
            advancer.advance(runId); // here too, not only through the scheduler: no idle wait in the figure
            long id = runId;
            Polling.eventually(
                    Duration.ofMinutes(10),
                    () -> !"STARTED".equals(workflows.view(id).status()));
            engineMs = (System.nanoTime() - t0) / 1_000_000;
        }
        RunView run = workflows.view(runId);
        assertEquals("FINISHED", run.status(), run::toString);

        long sqlMs = 0;
        long[] sql = null;
        for (int round = 0; round < 2; round++) {
            long t1 = System.nanoTime();
            sql = handWritten();
            sqlMs = (System.nanoTime() - t1) / 1_000_000;
        }

        assertEquals(sql[0], run.transitions().get("query.out>split").count());
        assertEquals(sql[1], run.transitions().get("split.subset1>e1").count());
        assertEquals(sql[2], run.transitions().get("split.subset2>e2").count());
        assertEquals(sql[3], run.transitions().get("split.subset3>e3").count());
        System.out.printf(
                "BENCHMARK workflow Query(3 rules) + 3-subset Split on %,d recipients (%s): engine %,d ms,"
                        + " hand-written SQL %,d ms, ratio %.2f; targeted %,d -> %,d / %,d / %,d%n",
                demoData.recipientCount(),
                settings.getProperty("bench.db"),
                engineMs,
                sqlMs,
                (double) engineMs / Math.max(1, sqlMs),
                sql[0],
                sql[1],
                sql[2],
                sql[3]);
        workflows.purge(runId);
    }

    /** The same sets with plain SQL in scratch tables; returns the four counts. */
    private long[] handWritten() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String table : new String[] {"bench_q", "bench_s1", "bench_s2", "bench_s3"}) {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("CREATE TABLE " + table + " (recipient_id BIGINT PRIMARY KEY)");
            }
            s.executeUpdate("INSERT INTO bench_q SELECT id FROM recipient WHERE status = 'GOLD'"
                    + " AND email_key IS NOT NULL AND email_key <> '' AND country IN ('FR', 'BE')");
            s.executeUpdate(
                    "INSERT INTO bench_s1 SELECT q.recipient_id FROM bench_q q JOIN recipient r ON r.id = q.recipient_id"
                            + " WHERE r.language = 'en'");
            s.executeUpdate(
                    "INSERT INTO bench_s2 SELECT q.recipient_id FROM bench_q q JOIN recipient r ON r.id = q.recipient_id"
                            + " WHERE r.birth_date < DATE '1970-01-01'"
                            + " AND NOT EXISTS (SELECT 1 FROM bench_s1 a WHERE a.recipient_id = q.recipient_id)");
            s.executeUpdate(
                    "INSERT INTO bench_s3 SELECT q.recipient_id FROM bench_q q JOIN recipient r ON r.id = q.recipient_id"
                            + " WHERE r.mobile_phone IS NOT NULL AND r.mobile_phone <> ''"
                            + " AND NOT EXISTS (SELECT 1 FROM bench_s1 a WHERE a.recipient_id = q.recipient_id)"
                            + " AND NOT EXISTS (SELECT 1 FROM bench_s2 b WHERE b.recipient_id = q.recipient_id)");
            long[] counts = new long[4];
            String[] tables = {"bench_q", "bench_s1", "bench_s2", "bench_s3"};
            for (int i = 0; i < 4; i++) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tables[i])) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                }
                s.execute("DROP TABLE " + tables[i]);
            }
            return counts;
        }
    }
}

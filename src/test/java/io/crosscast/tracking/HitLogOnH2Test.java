package io.crosscast.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.platform.DatabaseVendor;
import io.crosscast.tracking.token.TrackingKind;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group commit and the journal on the real schema (Flyway's migrations) on H2: answered hits are in
 * {@code tracking_log}; while the database is unreachable they go to the journal and are replayed once, even when a
 * segment is replayed twice; a torn record ends a segment.
 */
class HitLogOnH2Test {

    private static int database;
    private JdbcDataSource h2;
    private final AtomicBoolean down = new AtomicBoolean();
    private HitLog log;
    private long delivery;

    @TempDir
    Path journal;

    @BeforeEach
    void schema() throws SQLException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:hitlog" + (++database) + ";DB_CLOSE_DELAY=-1");
        Flyway.configure(HitLogOnH2Test.class.getClassLoader())
                .dataSource(h2)
                .locations("classpath:db/migration/common")
                .placeholders(Map.of("binary", DatabaseVendor.H2.binaryType()))
                .load()
                .migrate();
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO delivery (label, channel, status, created_at, updated_at)"
                    + " VALUES ('d', 'EMAIL', 'SENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            try (ResultSet rows = s.executeQuery("SELECT MAX(id) FROM delivery")) {
                rows.next();
                delivery = rows.getLong(1);
            }
        }
        log = new HitLog(switchable(), journal);
        log.start(Thread::new, 2);
    }

    @AfterEach
    void stop() {
        log.stop();
    }

    @Test
    void everyHitAnsweredAsDurableIsInTheTableAndGroupsFormUnderLoad() throws Exception {
        List<Boolean> answers = submit(8, 250);
        assertEquals(2000, answers.size());
        assertTrue(answers.stream().allMatch(Boolean::booleanValue), "all durable");
        assertEquals(2000, count("CLICK"));
        assertEquals(2000, count("hit_id IS NOT NULL AND type = 'CLICK'"), "each with its id");
        assertFalse(log.journaling());
        assertTrue(Files.list(journal).findAny().isEmpty(), "nothing journaled");
    }

    @Test
    void hitsAnsweredWhileTheDatabaseIsDownAreJournaledThenReplayedOnce() throws Exception {
        down.set(true);
        List<Boolean> answers = submit(4, 100);
        assertTrue(answers.stream().allMatch(Boolean::booleanValue), "answered as durable: journaled");
        assertTrue(log.journaling());
        down.set(false);
        assertEquals(0, count("CLICK"), "not in the database yet");
        List<Path> segments = Files.list(journal).toList();
        assertFalse(segments.isEmpty());
        byte[] copy = Files.readAllBytes(segments.get(0));

        assertEquals(400, log.replay());
        assertEquals(400, count("CLICK"));
        assertFalse(log.journaling(), "writing goes back to the database");
        assertTrue(Files.list(journal).findAny().isEmpty(), "replayed segments are deleted");

        // A crash between the replay's commit and the segment's deletion: the segment is replayed again.
        Files.write(journal.resolve("hits-1-0.journal"), copy);
        assertEquals(0, log.replay());
        assertEquals(400, count("CLICK"), "no hit twice");

        assertTrue(submit(1, 10).stream().allMatch(Boolean::booleanValue));
        assertEquals(410, count("CLICK"));
    }

    @Test
    void aTornRecordEndsItsSegment() throws Exception {
        TrackingJournal j = new TrackingJournal(journal.resolve("torn"));
        List<TrackingLogRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new TrackingLogRow(HitLog.newId(Instant.now()), hit(i)));
        }
        j.append(rows);
        j.rotate();
        Path segment = j.closedSegments().get(0);
        Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 5}, StandardOpenOption.APPEND);
        List<TrackingLogRow> read = TrackingJournal.read(segment);
        assertEquals(rows, read);
    }

    private List<Boolean> submit(int threads, int each) throws InterruptedException {
        ConcurrentLinkedQueue<Boolean> answers = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(threads * each);
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread client = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    CountDownLatch mine = new CountDownLatch(1);
                    log.submit(hit(thread * 100_000 + i), durable -> {
                        answers.add(durable);
                        mine.countDown();
                        done.countDown();
                    });
                    try {
                        mine.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            clients.add(client);
            client.start();
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "every hit answered");
        for (Thread client : clients) {
            client.join();
        }
        return new ArrayList<>(answers);
    }

    private TrackingHit hit(int recipient) {
        return new TrackingHit(
                delivery,
                recipient,
                TrackingKind.CLICK,
                "https://shop.example.com/offer?r=" + recipient,
                "offer",
                Instant.now(),
                "Mozilla/5.0 (test)",
                "192.0.2.1",
                "GET");
    }

    private long count(String where) throws SQLException {
        String condition = where.contains(" ") ? where : "type = '" + where + "'";
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM tracking_log WHERE " + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The H2 database, unreachable while {@link #down} is set: getting a connection fails. */
    private DataSource switchable() {
        return (DataSource) Proxy.newProxyInstance(
                HitLogOnH2Test.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        if (down.get()) {
                            throw new SQLException("Connection refused (the test's outage)", "08001");
                        }
                        return h2.getConnection();
                    }
                    if (method.getName().equals("getParentLogger")) {
                        throw new SQLFeatureNotSupportedException();
                    }
                    if (method.getName().equals("getLogWriter")) {
                        return (PrintWriter) null;
                    }
                    return method.invoke(h2, args);
                });
    }
}

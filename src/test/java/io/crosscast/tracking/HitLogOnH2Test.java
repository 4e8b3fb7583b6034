package io.crosscast.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.content.LinkRewriter;
import io.crosscast.platform.DatabaseVendor;
import io.crosscast.tracking.token.TrackingKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.channels.FileChannel;
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
import java.util.TreeMap;
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
 * The journal and its copy to the database on the real schema (Flyway's migrations) on H2: a hit is answered only
 * once synced to the journal (or, when the journal cannot be written, committed), and reaches {@code tracking_log};
 * while the database is unreachable the journal keeps it and it is replayed once, even when a segment is replayed
 * twice or a killed server's journal is found at the next start; a torn record ends a segment.
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
    void everyHitAnsweredAsDurableIsJournaledThenCopiedToTheTable() throws Exception {
        List<Boolean> answers = submit(8, 250);
        assertEquals(2000, answers.size());
        assertTrue(answers.stream().allMatch(Boolean::booleanValue), "all durable");
        assertEquals(2000, journaledRows(), "every answered hit is in the journal's files");
        assertTrue(log.awaitCopied(10_000), "copied to the database");
        assertEquals(2000, count("CLICK"));
        assertEquals(2000, count("hit_id IS NOT NULL AND type = 'CLICK'"), "each with its id");
        assertFalse(log.journaling());
        waitUntil(() -> journaledFiles() == 0); // an idle journal's copied segment is closed, then deleted
    }

    @Test
    void noHitIsAnsweredBeforeItsGroupIsSyncedToTheDisk() throws Exception {
        log.stop();
        CountDownLatch syncing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        log = new HitLog(switchable(), new TrackingJournal(journal.resolve("held")) {
            @Override
            void sync(FileChannel file) throws IOException {
                syncing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                super.sync(file);
            }
        });
        log.start(Thread::new, 2);
        ConcurrentLinkedQueue<Boolean> answers = new ConcurrentLinkedQueue<>();
        try {
            log.submit(hit(1), answers::add);
            assertTrue(syncing.await(10, TimeUnit.SECONDS), "the group reached the fsync");
            Thread.sleep(500);
            assertTrue(answers.isEmpty(), "not answered while the fsync has not returned");
            assertEquals(0, count("CLICK"), "nor copied to the database");
        } finally {
            release.countDown(); // a failed assertion must not leave the committer (and the journal's lock) held
        }
        assertTrue(log.awaitCopied(10_000));
        assertEquals(List.of(true), new ArrayList<>(answers));
        assertEquals(1, count("CLICK"));
    }

    @Test
    void whenTheJournalCannotBeWrittenTheDatabaseCommitsBeforeTheAnswer() throws Exception {
        log.stop();
        log = new HitLog(switchable(), new TrackingJournal(journal.resolve("full")) {
            @Override
            void sync(FileChannel file) throws IOException {
                throw new IOException("No space left on device (the test's)");
            }
        });
        log.start(Thread::new, 2);
        List<Boolean> answered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CountDownLatch one = new CountDownLatch(1);
            long[] rowsWhenAnswered = new long[1];
            log.submit(hit(i), durable -> {
                answered.add(durable);
                rowsWhenAnswered[0] = countQuietly();
                one.countDown();
            });
            assertTrue(one.await(10, TimeUnit.SECONDS));
            assertEquals(i + 1, rowsWhenAnswered[0], "in the table when answered");
        }
        assertEquals(List.of(true, true, true, true, true), answered);

        down.set(true);
        ConcurrentLinkedQueue<Boolean> nowhere = new ConcurrentLinkedQueue<>();
        CountDownLatch failed = new CountDownLatch(1);
        log.submit(hit(99), durable -> {
            nowhere.add(durable);
            failed.countDown();
        });
        assertTrue(failed.await(10, TimeUnit.SECONDS));
        assertEquals(List.of(false), new ArrayList<>(nowhere), "durable nowhere: answered as failed");
    }

    @Test
    void hitsAnsweredWhileTheDatabaseIsDownAreJournaledThenReplayedOnce() throws Exception {
        down.set(true);
        List<Boolean> answers = submit(4, 100);
        assertTrue(answers.stream().allMatch(Boolean::booleanValue), "answered as durable: journaled");
        waitUntil(log::journaling);
        assertEquals(0, count("CLICK"), "not in the database yet");
        List<Path> segments = Files.list(journal).toList();
        assertFalse(segments.isEmpty());
        byte[] copy = Files.readAllBytes(segments.get(0));

        down.set(false);
        assertTrue(log.awaitCopied(10_000), "replayed once the database answers");
        assertEquals(400, count("CLICK"));
        assertFalse(log.journaling(), "copying goes back to the database");
        assertTrue(Files.list(journal).findAny().isEmpty(), "replayed segments are deleted");

        assertTrue(submit(1, 10).stream().allMatch(Boolean::booleanValue));
        assertTrue(log.awaitCopied(10_000));
        assertEquals(410, count("CLICK"));

        // A crash between a replay's commit and the segment's deletion: the next start replays it again.
        log.stop();
        Files.write(journal.resolve("hits-1-0.journal"), copy);
        log = new HitLog(switchable(), journal);
        assertEquals(0, log.replay());
        assertEquals(410, count("CLICK"), "no hit twice");
        assertTrue(Files.list(journal).findAny().isEmpty());
    }

    /**
     * Hits whose own request says who made them are written with their verdict, whether copied at once or replayed
     * from the journal after an outage; the others are written unclassified, for the classifier's pass.
     */
    @Test
    void hitsTheirOwnRequestShowsToBeMachinesAreWrittenClassified() throws Exception {
        String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/131.0.0.0 Safari/537.36";
        Map<Integer, String> expected = new TreeMap<>();
        List<TrackingHit> hits = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int base = pass * 100;
            hits.add(hit(base + 1, TrackingKind.CLICK, LinkRewriter.HONEYPOT_LABEL, chrome, "GET"));
            expected.put(base + 1, "SCANNER/HONEYPOT");
            hits.add(hit(base + 2, TrackingKind.CLICK, "offer", chrome, "HEAD"));
            expected.put(base + 2, "SCANNER/HEAD_REQUEST");
            hits.add(hit(base + 3, TrackingKind.OPEN, null, null, "GET"));
            expected.put(base + 3, "SCANNER/NO_USER_AGENT");
            hits.add(hit(base + 4, TrackingKind.OPEN, null, "Mozilla/5.0", "GET"));
            expected.put(base + 4, "PRIVACY_PROXY/APPLE_MPP_AGENT");
            hits.add(hit(base + 5, TrackingKind.CLICK, "offer", "curl/8.5.0", "GET"));
            expected.put(base + 5, "SCANNER/BOT_AGENT");
            hits.add(hit(base + 6, TrackingKind.OPEN, null, "Mozilla/5.0 (via ggpht.com GoogleImageProxy)", "GET"));
            expected.put(base + 6, "PERSON/GMAIL_IMAGE_PROXY");
            hits.add(hit(base + 7, TrackingKind.CLICK, "offer", chrome, "GET"));
            expected.put(base + 7, "null/null"); // behaviour rules may still find a machine: the pass decides
            hits.add(hit(base + 8, TrackingKind.UNSUBSCRIBE, null, "Mozilla/5.0", "GET"));
            expected.put(base + 8, "null/null");
        }
        // The first eight copied at once, the others journaled while the database is down, then replayed.
        for (int i = 0; i < hits.size(); i++) {
            if (i == 8) {
                assertTrue(log.awaitCopied(10_000));
                down.set(true);
            }
            CountDownLatch answered = new CountDownLatch(1);
            log.submit(hits.get(i), durable -> answered.countDown());
            assertTrue(answered.await(10, TimeUnit.SECONDS));
        }
        waitUntil(log::journaling);
        down.set(false);
        assertTrue(log.awaitCopied(10_000), "replayed once the database answers");

        Map<Integer, String> written = new TreeMap<>();
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT recipient_id, actor, actor_reason FROM tracking_log")) {
            while (rows.next()) {
                written.put(rows.getInt(1), rows.getString(2) + "/" + rows.getString(3));
            }
        }
        assertEquals(expected, written);
    }

    @Test
    void aJournalLeftByAnEarlierRunIsReplayedAtTheNextStart() throws Exception {
        down.set(true);
        assertTrue(submit(2, 50).stream().allMatch(Boolean::booleanValue));
        waitUntil(log::journaling);
        log.stop(); // the server goes down while the database is still unreachable: its journal's files remain
        down.set(false);
        log = new HitLog(switchable(), journal);
        assertEquals(100, log.replay(), "replayed when the next start opens the journal");
        assertEquals(100, count("CLICK"));
        assertTrue(log.awaitCopied(1_000));
        assertTrue(Files.list(journal).findAny().isEmpty());
    }

    @Test
    void rowsAppendedAfterAFailedWriteAreReadable() throws Exception {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        TrackingJournal j = new TrackingJournal(journal.resolve("half")) {
            @Override
            void write(FileChannel file, java.nio.ByteBuffer bytes) throws IOException {
                if (failOnce.getAndSet(false)) {
                    bytes.limit(bytes.position() + bytes.remaining() / 2);
                    super.write(file, bytes);
                    throw new IOException("No space left on device (the test's, half-way)");
                }
                super.write(file, bytes);
            }
        };
        List<TrackingLogRow> lost = List.of(new TrackingLogRow(HitLog.newId(Instant.now()), hit(1)));
        List<TrackingLogRow> kept = List.of(
                new TrackingLogRow(HitLog.newId(Instant.now()), hit(2)),
                new TrackingLogRow(HitLog.newId(Instant.now()), hit(3)));
        org.junit.jupiter.api.Assertions.assertThrows(
                IOException.class, () -> j.append(TrackingJournal.encode(lost), lost.size()));
        j.append(TrackingJournal.encode(kept), kept.size());
        j.rotate();
        List<TrackingLogRow> read = new ArrayList<>();
        for (Path file : j.files()) {
            read.addAll(TrackingJournal.read(file));
        }
        assertEquals(kept, read, "the rows synced after the failure, readable past the torn one");
    }

    @Test
    void aTornRecordEndsItsSegment() throws Exception {
        TrackingJournal j = new TrackingJournal(journal.resolve("torn"));
        List<TrackingLogRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new TrackingLogRow(HitLog.newId(Instant.now()), hit(i)));
        }
        j.append(TrackingJournal.encode(rows), rows.size());
        j.rotate();
        Path segment = j.files().get(0);
        Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 5}, StandardOpenOption.APPEND);
        List<TrackingLogRow> read = TrackingJournal.read(segment);
        assertEquals(rows, read);
    }

    private long journaledRows() throws IOException {
        long rows = 0;
        try (var files = Files.list(journal)) {
            for (Path file : files.toList()) {
                rows += TrackingJournal.read(file).size();
            }
        }
        return rows;
    }

    private long journaledFiles() {
        try (var files = Files.list(journal)) {
            return files.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(10);
        }
    }

    private long countQuietly() {
        try {
            return count("CLICK");
        } catch (SQLException e) {
            return -1;
        }
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

    private TrackingHit hit(int recipient, TrackingKind kind, String label, String userAgent, String method) {
        return new TrackingHit(
                delivery,
                recipient,
                kind,
                label == null ? null : "https://shop.example.com/offer",
                label,
                Instant.now(),
                userAgent,
                "192.0.2.1",
                method);
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

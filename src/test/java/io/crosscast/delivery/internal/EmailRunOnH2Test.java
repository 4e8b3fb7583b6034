package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.crosscast.audience.RecipientMarks;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.RecipientsQuarantined;
import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.sql.SqlValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The email sender outside the container: the real schema (Flyway's migrations) on H2, a real SMTP server
 * (GreenMail) or a silent one, a plain thread pool in place of the managed executor. Several connections send a
 * delivery exactly once each; the server-wide connection cap holds; a cancelled delivery stops within a second and
 * gives its claimed rows back, a paused one too and sends the rest once resumed; a peer that never answers fails the run after the read timeout instead of holding a
 * thread; and claims keep two claimers apart.
 */
class EmailRunOnH2Test {

    private static final long DELIVERY = 1;
    private static int database;

    private JdbcDataSource dataSource;
    private ExecutorService pool;
    private GreenMail smtp;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void schema() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:emailRun" + (++database) + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        LedgerTestData.migrate(dataSource);
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void severalConnectionsSendEachRecipientOnceAndSettleOnce() throws Exception {
        int recipients = 1_200;
        LedgerTestData.delivery(dataSource, DELIVERY, "SENDING", recipients);
        int port = startSmtp();
        AtomicInteger ends = new AtomicInteger();
        CompletableFuture<EmailRun> ended = new CompletableFuture<>();
        Counting counting = new Counting();
        EmailRun run = new EmailRun(DELIVERY, counting, with(port, settings(4, 3, 40), counting), r -> {
            ends.incrementAndGet();
            ended.complete(r);
        });
        run.start();
        EmailRun done = ended.get(60, TimeUnit.SECONDS);

        assertNull(done.retryAt());
        assertEquals(recipients, done.sentCount());
        assertEquals(Map.of("SENT", (long) recipients), LedgerTestData.statuses(dataSource, DELIVERY));
        assertEquals(0, LedgerTestData.claimed(dataSource, DELIVERY), "no claim left");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(recipients, received.length, "each recipient once");
        Map<String, Integer> perAddress = new HashMap<>();
        for (MimeMessage message : received) {
            perAddress.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        assertEquals(recipients, perAddress.size());
        assertTrue(counting.maxAtOnce.get() >= 2, "sent over several connections at once: " + counting.maxAtOnce);
        assertTrue(counting.maxAtOnce.get() <= 3, "never more than the server-wide cap of 3: " + counting.maxAtOnce);
        assertEquals(
                recipients,
                meters.get(SendMeter.MESSAGES)
                        .tags("channel", "email", "result", "sent")
                        .counter()
                        .count(),
                "the sent counter moved with the ledger");
        assertEquals(
                0,
                meters.get(SendMeter.MESSAGES)
                        .tags("channel", "email", "result", "failed")
                        .counter()
                        .count());
        Thread.sleep(200);
        assertEquals(1, ends.get(), "settled once");
    }

    @Test
    void aBatchWhoseResultsFailToBeWrittenOnceIsWrittenOnRetryAndNotSentAgain() throws Exception {
        int recipients = 200;
        LedgerTestData.delivery(dataSource, DELIVERY, "SENDING", recipients);
        int port = startSmtp();
        AtomicInteger failures = new AtomicInteger(2);
        DataSource failingTwice = failingWrites(dataSource, "SET status = 'SENT'", failures);
        Counting counting = new Counting();
        EmailRun.Dependencies plain = with(port, settings(2, 2, 25), counting);
        EmailRun.Dependencies with = new EmailRun.Dependencies(
                failingTwice,
                plain.vendor(),
                plain.mail(),
                plain.executor(),
                plain.limits(),
                plain.settings(),
                plain.node(),
                plain.meter(),
                plain.quarantined());
        CompletableFuture<EmailRun> ended = new CompletableFuture<>();
        new EmailRun(DELIVERY, counting, with, ended::complete).start();
        EmailRun run = ended.get(60, TimeUnit.SECONDS);

        assertEquals(0, failures.get(), "the writes failed twice");
        assertNull(run.retryAt(), "the run went on after the failed writes");
        assertEquals(Map.of("SENT", (long) recipients), LedgerTestData.statuses(dataSource, DELIVERY));
        assertEquals(recipients, smtp.getReceivedMessages().length, "each recipient once");
    }

    /**
     * {@code target} whose connections fail the first {@code failures} statements containing {@code sql} with a
     * transient error (SQLState 08006, connection failure), as a database that drops a connection would.
     */
    private static DataSource failingWrites(DataSource target, String sql, AtomicInteger failures) {
        return (DataSource) Proxy.newProxyInstance(
                EmailRunOnH2Test.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(
                            EmailRunOnH2Test.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("prepareStatement")
                                        && String.valueOf(a[0]).contains(sql)
                                        && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                    throw new SQLException("connection lost (test)", "08006");
                                }
                                return invoke(connection, m, a);
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void aCancelledDeliveryStopsWithinASecondAndGivesItsRowsBack() throws Exception {
        int recipients = 3_000;
        LedgerTestData.delivery(dataSource, DELIVERY, "SENDING", recipients);
        long sentAtEnd = stopMidway(startSmtp(), recipients, "CANCELLED");

        assertEquals(recipients - sentAtEnd, (long)
                LedgerTestData.statuses(dataSource, DELIVERY).get("PENDING"));
        assertEquals(sentAtEnd, smtp.getReceivedMessages().length, "the ledger says SENT for every message received");
    }

    @Test
    void aPausedDeliveryStopsAndAResumedOneSendsTheRestExactlyOnce() throws Exception {
        int recipients = 1_500;
        LedgerTestData.delivery(dataSource, DELIVERY, "SENDING", recipients);
        int port = startSmtp();
        stopMidway(port, recipients, "PAUSED");

        LedgerTestData.setStatus(dataSource, DELIVERY, "SENDING");
        CompletableFuture<EmailRun> resumed = new CompletableFuture<>();
        Counting fast = new Counting();
        new EmailRun(DELIVERY, fast, with(port, settings(3, 3, 25), fast), resumed::complete).start();
        resumed.get(60, TimeUnit.SECONDS);
        assertEquals(Map.of("SENT", (long) recipients), LedgerTestData.statuses(dataSource, DELIVERY));
        assertEquals(recipients, smtp.getReceivedMessages().length, "each recipient once over both runs");
    }

    /**
     * Sends slowly over 3 connections, moves the delivery to {@code status} once 100 are sent, and checks that the
     * run ended within a second, before the end, with no claim left; returns how many were SENT.
     */
    private long stopMidway(int port, int recipients, String status) throws Exception {
        CompletableFuture<EmailRun> ended = new CompletableFuture<>();
        Counting slow = new Counting(2);
        new EmailRun(DELIVERY, slow, with(port, settings(3, 3, 25), slow), ended::complete).start();
        while (LedgerTestData.statuses(dataSource, DELIVERY).getOrDefault("SENT", 0L) < 100) {
            Thread.sleep(20);
        }
        LedgerTestData.setStatus(dataSource, DELIVERY, status);
        long changedAt = System.nanoTime();
        ended.get(10, TimeUnit.SECONDS);
        long tookMillis = Duration.ofNanos(System.nanoTime() - changedAt).toMillis();
        long sent = LedgerTestData.statuses(dataSource, DELIVERY).getOrDefault("SENT", 0L);
        assertTrue(tookMillis < 1_000, "stopped " + tookMillis + " ms after the change to " + status);
        assertTrue(sent < recipients, "stopped before the end: " + sent);
        assertEquals(0, LedgerTestData.claimed(dataSource, DELIVERY), "the untried rows were given back");
        return sent;
    }

    @Test
    void aPeerThatNeverAnswersFailsTheRunAfterTheTimeoutAndLosesNobody() throws Exception {
        LedgerTestData.delivery(dataSource, DELIVERY, "SENDING", 30);
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            pool.execute(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            CompletableFuture<EmailRun> ended = new CompletableFuture<>();
            Counting counting = new Counting();
            EmailRun.Dependencies with = with(silent.getLocalPort(), settings(2, 2, 10), counting);
            with.mail().getProperties().setProperty("mail.smtp.timeout", "300");
            new EmailRun(DELIVERY, counting, with, ended::complete).start();
            EmailRun run = ended.get(20, TimeUnit.SECONDS);

            assertNotNull(run.retryAt(), "the run asks to go on later");
            assertEquals(Map.of("PENDING", 30L), LedgerTestData.statuses(dataSource, DELIVERY), "nobody lost");
            assertEquals(0, LedgerTestData.claimed(dataSource, DELIVERY));
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void claimsKeepTwoClaimersApartAndExpire() throws SQLException {
        // The claims as PostgreSQL makes them (marked rows; H2 itself only reads, one claimer per delivery), without
        // PostgreSQL's row locks: what the marks alone guarantee.
        LedgerTestData.delivery(dataSource, DELIVERY, "SENDING", 10);
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            List<PendingMessage> first =
                    LedgerRows.claim(connection, DELIVERY, 0, 4, "a", now, now.plusSeconds(60), true, "");
            List<PendingMessage> second =
                    LedgerRows.claim(connection, DELIVERY, 0, 4, "b", now, now.plusSeconds(60), true, "");
            List<PendingMessage> later = LedgerRows.claim(
                    connection, DELIVERY, 0, 20, "c", now.plusSeconds(61), now.plusSeconds(120), true, "");

            assertEquals(List.of(1L, 2L, 3L, 4L), ids(first));
            assertEquals(List.of(5L, 6L, 7L, 8L), ids(second), "rows claimed by another are skipped");
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), ids(later), "expired claims are taken");

            List<RecipientsQuarantined> announced = new ArrayList<>();
            LedgerRows.record(
                    connection,
                    DELIVERY,
                    List.of(
                            LedgerResult.sent(1, "<m1@x>"),
                            LedgerResult.failed(2, "550 no"),
                            LedgerResult.quarantined(3, false, "550 5.1.1 unknown"),
                            LedgerResult.deferred(4, "421 later", 1, now.plusSeconds(300)),
                            LedgerResult.released(5)),
                    now,
                    announced::add);
            assertEquals(1, announced.size(), "one announcement of the batch's quarantines: " + announced);
            assertEquals(Channel.EMAIL, announced.get(0).channel());
            assertEquals(connection, announced.get(0).connection(), "announced on the batch's connection");
            assertEquals(
                    List.of(new RecipientMarks.Quarantine(3, "550 5.1.1 unknown")),
                    announced.get(0).recipients());
            assertEquals(
                    Map.of("SENT", 1L, "FAILED", 2L, "PENDING", 7L), LedgerTestData.statuses(dataSource, DELIVERY));
            assertEquals(5, LedgerTestData.claimed(dataSource, DELIVERY), "6 to 10 still claimed by c");
            assertTrue(LedgerTestData.emailQuarantined(dataSource, 3));
            assertEquals(5, LedgerRows.releaseClaims(connection, "c"));
            assertEquals(0, LedgerRows.releaseClaims(connection, "c"));
            List<PendingMessage> due =
                    LedgerRows.claim(connection, DELIVERY, 0, 20, "a", now, now.plusSeconds(60), true, "");
            assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L), ids(due), "the deferred row waits for its retry time");
            assertEquals(6, LedgerRows.releaseClaims(connection, "a"));
            assertEquals(
                    ids(due),
                    ids(LedgerRows.claim(
                            connection,
                            DatabaseVendor.H2,
                            DELIVERY,
                            0,
                            20,
                            "b",
                            now,
                            now.plusSeconds(60),
                            EnrichmentJoin.NONE)));
            assertEquals(0, LedgerTestData.claimed(dataSource, DELIVERY), "on H2 a claim only reads");
        }
    }

    @Test
    void aRenewedClaimKeepsItsRowsAndReportsThoseAnotherNodeTookAfterItExpired() throws SQLException {
        LedgerTestData.delivery(dataSource, DELIVERY, "SENDING", 6);
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            List<PendingMessage> mine =
                    LedgerRows.claim(connection, DELIVERY, 0, 4, "a", now, now.plusSeconds(60), true, "");
            assertEquals(List.of(1L, 2L, 3L, 4L), ids(mine));
            // a's lease ran out (a slow relay): b takes the first two
            List<PendingMessage> taken = LedgerRows.claim(
                    connection, DELIVERY, 0, 2, "b", now.plusSeconds(61), now.plusSeconds(121), true, "");
            assertEquals(List.of(1L, 2L), ids(taken));

            List<Long> held = LedgerRows.renewClaims(
                    connection, DatabaseVendor.H2, DELIVERY, "a", ids(mine), now.plusSeconds(200));
            assertEquals(List.of(3L, 4L), held, "a still holds what nobody took");

            // at +150 b's claim has run out but a's renewed one has not: a third claimer gets 1, 2, 5, 6 only
            List<PendingMessage> later = LedgerRows.claim(
                    connection, DELIVERY, 0, 10, "c", now.plusSeconds(150), now.plusSeconds(210), true, "");
            assertEquals(List.of(1L, 2L, 5L, 6L), ids(later), "the renewed rows 3 and 4 are not taken");
        }
    }

    @Test
    void batchesReadTheirRunsEnrichmentValuesInTheSameSelect() throws SQLException {
        LedgerTestData.delivery(dataSource, DELIVERY, "SENDING", 4);
        Instant clicked = Instant.parse("2026-11-30T12:00:00Z");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO enrichment_value (run_id, name,"
                        + " recipient_id, num_value, time_value, text_value) VALUES (?, ?, ?, ?, ?, ?)")) {
            Object[][] rows = {
                {9L, "clicks", 1L, 3L, null, null},
                {9L, "clicks", 2L, 0L, null, null},
                {9L, "clicks", 5L, 8L, null, null}, // not in this delivery
                {9L, "lastClick", 1L, null, SqlValues.timestamp(clicked), null},
                {9L, "lastClick", 2L, null, null, null}, // never clicked
                {9L, "city", 2L, null, null, "Lyon"},
                {8L, "clicks", 3L, 5L, null, null}, // another run
            };
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        EnrichmentJoin join = EnrichmentJoin.of(9, List.of("clicks", "lastClick", "city", "missing"));
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            List<PendingMessage> claimed =
                    LedgerRows.claim(connection, DELIVERY, 0, 10, "a", now, now.plusSeconds(60), true, "", join);
            assertEquals(List.of(1L, 2L, 3L, 4L), ids(claimed), "one row per ledger row, whatever the joins");
            String day = clicked.atZone(java.time.ZoneId.systemDefault())
                    .toLocalDate()
                    .toString();
            assertEquals(Map.of("clicks", "3", "lastClick", day), claimed.get(0).enrichment());
            assertEquals(Map.of("clicks", "0", "city", "Lyon"), claimed.get(1).enrichment());
            assertEquals(Map.of(), claimed.get(2).enrichment(), "another run's value is not this run's");
            assertEquals(Map.of(), claimed.get(3).enrichment());
            assertEquals("3", claimed.get(0).values().variables().get("enrichment.clicks"));
            assertEquals(
                    claimed,
                    LedgerRows.readPending(connection, DELIVERY, 0, 10, now, join),
                    "the SMS sender's page reads the same");
            // A crash before the batch's write: the server gives the claims back when it starts, and the rows are
            // claimed again as they were, values included (the Message-ID depends on delivery and recipient only).
            assertEquals(4, LedgerRows.releaseClaims(connection, "a"));
            assertEquals(
                    claimed,
                    LedgerRows.claim(connection, DELIVERY, 0, 10, "b", now, now.plusSeconds(60), true, "", join),
                    "the same rows and values after a restart");
            assertEquals(
                    Map.of(),
                    LedgerRows.readPending(connection, DELIVERY, 0, 10, now)
                            .get(0)
                            .enrichment(),
                    "nothing joined without names (a delivery outside a run)");
        }
    }

    private static List<Long> ids(List<PendingMessage> rows) {
        return rows.stream().map(PendingMessage::recipientId).toList();
    }

    private int startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp.getSmtp().getPort();
    }

    private EmailRun.Dependencies with(int port, SendSettings settings, Counting counting) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        properties.setProperty("mail.smtp.timeout", "5000");
        return new EmailRun.Dependencies(
                dataSource,
                DatabaseVendor.H2,
                Session.getInstance(properties),
                pool,
                SendingLimits.of(settings),
                settings,
                "test-node",
                new SendMeter(meters),
                quarantined -> {});
    }

    private static SendSettings settings(int connections, int maxConnections, int batch) {
        return new SendSettings() {
            @Override
            public int connections() {
                return connections;
            }

            @Override
            public int maxConnections() {
                return maxConnections;
            }

            @Override
            public int batchSize() {
                return batch;
            }

            @Override
            public double serverMessagesPerSecond() {
                return 0;
            }

            @Override
            public double messagesPerSecond() {
                return 0;
            }

            @Override
            public int domainConnections() {
                return 0;
            }
        };
    }

    /**
     * Simple messages that take a moment to compose and count how many are composed at once: each worker composes
     * its messages one after the other, so that is how many workers send at once.
     */
    private static final class Counting implements EmailRun.Messages {
        final AtomicInteger maxAtOnce = new AtomicInteger();
        private final AtomicInteger atOnce = new AtomicInteger();
        private final long pauseMillis;

        Counting() {
            this(1);
        }

        Counting(long pauseMillis) {
            this.pauseMillis = pauseMillis;
        }

        @Override
        public String messageId(long recipientId) {
            return "<" + recipientId + "@test.crosscast>";
        }

        @Override
        public MimeMessage compose(Session session, PendingMessage message, String messageId)
                throws MessagingException {
            maxAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                atOnce.decrementAndGet();
            }
            MimeMessage mime = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mime.setFrom(new InternetAddress("sender@test.crosscast"));
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.address()));
            mime.setSubject("Hello " + message.firstName());
            mime.setText("Hello");
            return mime;
        }
    }
}

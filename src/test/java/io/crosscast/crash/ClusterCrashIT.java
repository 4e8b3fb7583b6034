package io.crosscast.crash;

import static io.crosscast.crash.support.RunJson.count;
import static io.crosscast.crash.support.RunJson.phase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.crash.support.Arrivals;
import io.crosscast.crash.support.Audience;
import io.crosscast.crash.support.Closer;
import io.crosscast.crash.support.DeliveryApi;
import io.crosscast.crash.support.LocalCluster;
import io.crosscast.crash.support.LocalCluster.Node;
import io.crosscast.crash.support.RestClient;
import io.crosscast.crash.support.SharedDatabase;
import io.crosscast.crash.support.SinkProcess;
import io.crosscast.it.support.Browser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The cluster survives the loss of a node, for real (issue #14): WildFly's load balancer and two {@code standalone-ha}
 * nodes ({@link LocalCluster}: the configurations the build makes from {@code wildfly-config/}, on PostgreSQL), an
 * SMTP sink in a process of its own, and SIGKILL twice, in one test so that each server starts once (and the killed
 * node of the first scenario once more):
 *
 * <ol>
 *   <li><b>Mid-Wait.</b> A workflow run Query (200 recipients) -> Wait (about 20 s) -> Email delivery -> End waits;
 *       when its wake-up is due, the test kills the node that holds the Wait's Quartz trigger (fired: ACQUIRED or
 *       EXECUTING on that node, read in {@code qrtz_fired_triggers}). The other node must recover the trigger (Quartz's
 *       cluster check-in) and the run finish: every transition with its 200 recipients, each of them one message.
 *       The killed node starts again once the Wait is passed.
 *   <li><b>Mid-send, with a browser.</b> A browser signs in through the balancer and shows the recipients page; a
 *       delivery of 20,000 emails starts; both nodes send it (each claims ledger batches). Once the node that serves
 *       the browser's session holds claims and a tenth has arrived, the test kills it. The browser, through the
 *       balancer, filters the page (a JSF postback of the view the dead node rendered): the other node answers, same
 *       session, still signed in. The survivor takes the dead node's claimed rows when their lease (30 s,
 *       {@code cluster.cli}) runs out and finishes: every recipient got a message, duplicates at most {@link
 *       #DUPLICATE_BOUND} (docs/DECISIONS.md), a duplicate with the same Message-ID both times, the ledger SENT with
 *       the Message-IDs the sink saw.
 * </ol>
 *
 * <p>Prints the figures (lines {@code CLUSTER ...}): start-up, the time the survivor took to pick up the dead node's
 * Wait and its claimed rows, the session's move, duplicates, the time to finish. Runs when crash tests run
 * ({@code crash.enabled}) on PostgreSQL ({@code -Ddb=postgresql}; H2 serves one server). Settings:
 * {@code crash.cluster.recipients} (20,000), {@code crash.cluster.waitSeconds} (20: the wake-up after the run's
 * start), {@code crash.port.offset} (the balancer's; nodes at +100 and +200), {@code crash.smtp.port}.
 */
@EnabledIfSystemProperty(named = "crash.enabled", matches = "true")
@EnabledIfSystemProperty(named = "crash.db", matches = "postgresql")
class ClusterCrashIT {

    static final int NODES = 2;

    /** SMTP connections each node sends a delivery over (crosscast.sending.connections). */
    static final int CONNECTIONS = 8;

    /** Ledger rows a connection claims, and writes back, at a time (crosscast.sending.batch). */
    static final int BATCH = 50;

    /**
     * Recipients who may get a message twice after a node's death: the dead node's unrecorded batches (at most
     * connections x batch) and, should a live node's batch outlast the lease, that batch sent again by another node
     * (at most connections x batch per node): nodes x connections x batch (docs/DECISIONS.md).
     */
    static final int DUPLICATE_BOUND = NODES * CONNECTIONS * BATCH;

    /**
     * The sink's delay of each reply during the send (a relay across a network). With pipelining a node sends a
     * message per round trip and connection: without a delay one node sends 20,000 messages in a few seconds,
     * before the other joins (every 5 s, {@code SendingResumption}) and the kill has nothing to interrupt.
     */
    static final long SEND_REPLY_DELAY_MILLIS = 10;

    private static final int WAIT_RECIPIENTS = 200;
    private static final Duration FINISHING = Duration.ofMinutes(4);

    private final int recipients = Integer.getInteger("crash.cluster.recipients", 20_000);
    private final int waitSeconds = Integer.getInteger("crash.cluster.waitSeconds", 20);
    private final int smtpPort = Integer.getInteger("crash.smtp.port", 3125);

    @RegisterExtension
    final Closer closer = new Closer();

    private final long t0 = System.nanoTime();
    private LocalCluster cluster;
    private SharedDatabase database;
    private SinkProcess sink;

    @Test
    void theSurvivorFinishesTheWorkOfANodeKilledMidWaitAndMidSendAndKeepsTheSession() throws Exception {
        Path dir = Path.of(System.getProperty("crash.server.dir", "target/crash-server"))
                .resolveSibling("cluster-crash");
        cluster = new LocalCluster(
                dir,
                NODES,
                Map.of(
                        "crosscast.smtp.host", "127.0.0.1",
                        "crosscast.smtp.port", Integer.toString(smtpPort),
                        "crosscast.sending.connections", Integer.toString(CONNECTIONS),
                        "crosscast.sending.batch", Integer.toString(BATCH)));
        sink = closer.add(SinkProcess.start(smtpPort, dir.resolve("sink/received.tsv"), 0, dir.resolve("sink.log")));
        closer.add(cluster);
        database = closer.add(new SharedDatabase());
        boolean migrated = database.isMigrated();
        cluster.start(migrated);
        print(
                "balancer and %d nodes ready (%s) at +%.1f s",
                NODES,
                migrated ? "started at once" : "an empty database: the first alone, then the other",
                seconds(t0));

        RestClient viaBalancer = cluster.api();
        DeliveryApi deliveries = new DeliveryApi(viaBalancer);
        Audience waiters = Audience.random("Cwait", WAIT_RECIPIENTS, "wait.cluster.example.com");
        Audience audience = Audience.random("Csend", recipients, "send.cluster.example.com");
        Node survivor = killMidWait(viaBalancer, deliveries, waiters, audience);

        long sendDelivery = survivor.deliveries()
                .createEmail(
                        "Cluster crash test " + audience.token(),
                        "Crosscast Cluster",
                        "cluster@example.com",
                        "Hello {{firstName}}",
                        "<p>Dear {{firstName}} {{lastName}},</p>"
                                + "<p><a href=\"https://shop.example.com/offer\" data-label=\"offer\">See the offer</a></p>");
        killMidSend(sendDelivery, waiters, audience);
        print("whole test %.1f s", seconds(t0));
    }

    /**
     * Scenario 1: kills the node holding the Wait's due trigger, checks the other finishes the run, starts the killed
     * node again; meanwhile imports the send's audience and signs the browser in. Returns the node that survived.
     */
    private Node killMidWait(RestClient viaBalancer, DeliveryApi deliveries, Audience waiters, Audience audience)
            throws MalformedURLException {
        deliveries.importRecipients(waiters);
        long delivery = deliveries.createEmail(
                "Cluster wait test " + waiters.token(),
                "Crosscast Cluster",
                "cluster@example.com",
                "Hello {{firstName}}",
                "<p>Dear {{firstName}}, you waited.</p>");
        Instant wakeUp = Instant.now().plusSeconds(waitSeconds).truncatedTo(ChronoUnit.SECONDS);
        long workflow = viaBalancer
                .post("workflows", WaitCrashIT.workflow(waiters, wakeUp, delivery), 201)
                .getJsonNumber("id")
                .longValue();
        long run = viaBalancer
                .post(
                        "workflows/" + workflow + "/runs",
                        Json.createObjectBuilder().build(),
                        201)
                .getJsonNumber("runId")
                .longValue();
        assertTrue(
                poll(
                        Duration.between(Instant.now(), wakeUp),
                        Duration.ofMillis(250),
                        () -> "WAITING".equals(phase(viaBalancer.get("runs/" + run), "wait"))),
                "the run reaches its Wait before the wake-up: " + viaBalancer.get("runs/" + run));
        assertEquals(WAIT_RECIPIENTS, count(viaBalancer.get("runs/" + run), "query.out>wait"), "into the Wait");

        // The trigger fires on the node whose scheduler acquires it first (at most 2 s ahead, Quartz's idle wait):
        // watch the shared fired-trigger table and kill that node the moment it holds it.
        String[] held = {null, null};
        assertTrue(
                poll(Duration.between(Instant.now(), wakeUp.plusSeconds(30)), Duration.ofMillis(20), () -> {
                    Optional<String[]> fired = database.firedTrigger("workflow", "run-" + run);
                    fired.ifPresent(f -> System.arraycopy(f, 0, held, 0, 2));
                    return fired.isPresent();
                }),
                "a node fires the Wait's trigger: " + viaBalancer.get("runs/" + run));
        Node holder = cluster.node(held[0]);
        long pid = holder.kill();
        Instant killedAt = Instant.now();
        Node survivor = cluster.other(holder);
        print(
                "mid-Wait: killed %s (JVM %d) holding the Wait's trigger (%s) %+.1f s from the wake-up",
                holder, pid, held[1], Duration.between(wakeUp, killedAt).toMillis() / 1e3);

        // While the survivor notices: the send's audience, through the survivor itself (the balancer's sessions may
        // wait for the cluster to suspect the dead node).
        survivor.deliveries().importRecipients(audience);
        assertTrue(
                poll(
                        FINISHING,
                        Duration.ofMillis(200),
                        () -> "DONE".equals(phase(survivor.api().get("runs/" + run), "wait"))),
                "the survivor passes the dead node's Wait: " + survivor.api().get("runs/" + run));
        Instant passed = Instant.now();
        assertFalse(holder.isRunning(), "the killed node stayed down");
        print(
                "mid-Wait: %s passed the Wait %.1f s after the kill (%.1f s after the wake-up)",
                survivor,
                Duration.between(killedAt, passed).toMillis() / 1e3,
                Duration.between(wakeUp, passed).toMillis() / 1e3);
        holder.start();

        assertTrue(
                poll(
                        FINISHING,
                        Duration.ofMillis(250),
                        () -> "FINISHED"
                                .equals(survivor.api().get("runs/" + run).getString("status"))),
                "the run finishes: " + survivor.api().get("runs/" + run));
        JsonObject done = survivor.api().get("runs/" + run);
        print(
                "mid-Wait: run FINISHED %.1f s after the kill",
                Duration.between(killedAt, Instant.now()).toMillis() / 1e3);
        assertEquals("DONE", phase(done, "mail"), "the delivery activity: " + done);
        assertEquals("DONE", phase(done, "end"), "the End: " + done);
        assertEquals(WAIT_RECIPIENTS, count(done, "wait.out>mail"), "recipients out of the Wait: " + done);
        assertEquals(WAIT_RECIPIENTS, count(done, "mail.out>end"), "recipients out of the delivery: " + done);
        assertEquals("SENT", survivor.deliveries().status(delivery), "the Wait's delivery");
        Map<String, String> ledger = survivor.deliveries().assertAllSent(delivery, WAIT_RECIPIENTS);
        Arrivals arrivals = arrivals(waiters);
        print("mid-Wait: the Wait's delivery: %s", arrivals.summary());
        arrivals.assertEveryoneAndDuplicatesAtMost(CONNECTIONS * BATCH);
        assertSameMessageIds(arrivals, waiters, ledger);

        holder.awaitReady();
        print("mid-Wait: %s ready again at +%.1f s", holder, seconds(t0));
        return survivor;
    }

    /** Scenario 2: the browser's node killed mid-send; the survivor finishes; the session goes on. */
    private void killMidSend(long delivery, Audience waiters, Audience audience)
            throws MalformedURLException, InterruptedException {
        cluster.awaitAnswering(Duration.ofSeconds(90));
        Browser browser = new Browser(cluster.url().toURL());
        closer.add(() -> {
            browser.keepEvidence("ClusterCrashIT");
            browser.close();
        });
        browser.signIn("marketer", "marketer");
        browser.open("recipients/index.xhtml");
        Cookie before = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertNotNull(before, "a session cookie through the balancer");
        Node victim = cluster.node(route(before));
        Node survivor = cluster.other(victim);
        long waitMessages = sink.count();

        sink.replyDelay(SEND_REPLY_DELAY_MILLIS);
        new DeliveryApi(survivor.api()).sendTo(delivery, audience);
        long sendStarted = System.nanoTime();
        assertTrue(
                poll(
                        FINISHING,
                        Duration.ofMillis(100),
                        () -> database.claimCount(delivery, victim.name()) > 0
                                && sink.count() - waitMessages >= recipients / 10),
                victim + " (the browser's node) claims rows of the delivery while it is sent");
        long pid = victim.kill();
        long killedAt = System.nanoTime();
        List<String> orphaned = database.claimedBy(delivery, victim.name());
        long arrivedAtKill = sink.count() - waitMessages;
        print(
                "mid-send: killed %s (JVM %d, the browser's node) %.1f s into the send, %,d of %,d arrived, %d rows"
                        + " claimed by it",
                victim, pid, (killedAt - sendStarted) / 1e9, arrivedAtKill, recipients, orphaned.size());
        assertFalse(orphaned.isEmpty(), "the killed node held claims");

        // The survivor takes the dead node's rows when their lease runs out: watched meanwhile.
        TakeOver takeOver = new TakeOver(delivery, victim.name(), orphaned.size(), killedAt);
        Thread watch = new Thread(takeOver, "takeover-watch");
        watch.setDaemon(true);
        watch.start();

        // The browser: a postback (the recipients grid filtered) of the view the dead node rendered. The request that
        // meets the balancer while it learns the node is gone may fail, and PrimeFaces does not send it again: like
        // a person, the test types the filter's last character again when nothing happened for 20 s.
        By filter = By.cssSelector("[id$='recipients:lastName_filter'], th[aria-label*='Last name'] input,"
                + " th:nth-child(2) input.ui-column-filter");
        browser.find(filter).sendKeys(waiters.token());
        // (The grid's page report starts with the count: "200 recipients · page 1 of 8".)
        By report = By.cssSelector("[id='recipientsForm:recipients'] .ui-paginator-current");
        int postbacks = 1;
        while (true) {
            try {
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                        .ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(report).getText().startsWith(WAIT_RECIPIENTS + " recipients "));
                break;
            } catch (org.openqa.selenium.TimeoutException nothingYet) {
                assertTrue(postbacks < 6, "the filtered grid within " + postbacks + " postbacks of 20 s");
                String token = waiters.token();
                browser.find(filter).sendKeys(org.openqa.selenium.Keys.BACK_SPACE, token.substring(token.length() - 1));
                postbacks++;
            }
        }
        double moved = seconds(killedAt);
        browser.open("recipients/index.xhtml");
        assertFalse(browser.isPresent(By.id("username")), "still signed in: no sign-in form");
        assertTrue(browser.isPresent(By.id("recipientsForm:recipients")), "the recipients page");
        Cookie after = browser.driver().manage().getCookieNamed("JSESSIONID");
        print(
                "mid-send: the browser's postback answered %.1f s after the kill (%d postback(s)); session %s -> %s",
                moved, postbacks, before.getValue(), after.getValue());
        assertEquals(sessionId(before), sessionId(after), "the same session");
        assertEquals(survivor.name(), route(after), "the session is served by the survivor");

        assertTrue(
                poll(
                        FINISHING,
                        Duration.ofMillis(250),
                        () -> "SENT".equals(survivor.deliveries().status(delivery))),
                "the survivor finishes the delivery: " + survivor.deliveries().stats(delivery));
        double finished = seconds(killedAt);
        watch.join(5_000);
        Arrivals arrivals = arrivals(audience);
        Set<String> claimedByDead = Set.copyOf(orphaned);
        long duplicatesAmongClaims = arrivals.duplicates().keySet().stream()
                .filter(claimedByDead::contains)
                .count();
        print(
                "mid-send: %s picked up the dead node's claimed rows %.1f s after the kill (all of them by %.1f s),"
                        + " finished %.1f s after the kill; %s; %d of the duplicates among the %d rows the dead node"
                        + " held; bound %d",
                survivor,
                takeOver.firstTaken,
                takeOver.allTaken,
                finished,
                arrivals.summary(),
                duplicatesAmongClaims,
                orphaned.size(),
                DUPLICATE_BOUND);
        assertTrue(takeOver.firstTaken > 0, "the dead node's claimed rows were picked up");
        arrivals.assertEveryoneAndDuplicatesAtMost(DUPLICATE_BOUND);
        Map<String, String> ledger = survivor.deliveries().assertAllSent(delivery, recipients);
        assertSameMessageIds(arrivals, audience, ledger);
    }

    /** Watches the dead node's claims on the ledger: when the first and the last are taken by another node. */
    private final class TakeOver implements Runnable {

        private final long delivery;
        private final String node;
        private final long claimed;
        private final long killedAt;
        volatile double firstTaken = -1;
        volatile double allTaken = -1;

        TakeOver(long delivery, String node, long claimed, long killedAt) {
            this.delivery = delivery;
            this.node = node;
            this.claimed = claimed;
            this.killedAt = killedAt;
        }

        @Override
        public void run() {
            try (SharedDatabase own = new SharedDatabase()) {
                long deadline = System.nanoTime() + FINISHING.toNanos();
                while (allTaken < 0 && System.nanoTime() < deadline) {
                    long left = own.claimCount(delivery, node);
                    if (left < claimed && firstTaken < 0) {
                        firstTaken = seconds(killedAt);
                    }
                    if (left == 0) {
                        allTaken = seconds(killedAt);
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What the sink received for the audience (its addresses only: a database kept from an earlier, failed run may
     * hold a delivery still SENDING, which the nodes finish too).
     */
    private Arrivals arrivals(Audience audience) {
        String own = "." + audience.token().toLowerCase(Locale.ROOT) + "@" + audience.domain();
        return new Arrivals(
                audience.emails(),
                sink.received().stream()
                        .filter(entry -> entry[0].endsWith(own))
                        .map(entry -> Map.entry(entry[0], entry.length > 1 ? entry[1] : ""))
                        .toList());
    }

    /** A duplicate carries the same Message-ID both times, the one the ledger recorded. */
    private static void assertSameMessageIds(Arrivals arrivals, Audience audience, Map<String, String> ledger) {
        arrivals.duplicates()
                .forEach((address, ids) ->
                        assertEquals(1, Set.copyOf(ids).size(), address + " got two different Message-IDs: " + ids));
        List<String> mismatched = audience.emails().stream()
                .filter(a -> !arrivals.ids(a).get(0).equals(ledger.get(a)))
                .toList();
        assertEquals(
                List.of(),
                mismatched.stream().limit(20).toList(),
                mismatched.size() + " ledger Message-IDs differ from the received ones");
    }

    /** The node a session cookie routes to: the JSESSIONID's suffix after the dot (mod_cluster's JVM route). */
    private static String route(Cookie session) {
        String value = session.getValue();
        return value.substring(value.lastIndexOf('.') + 1);
    }

    private static String sessionId(Cookie session) {
        String value = session.getValue();
        return value.substring(0, value.lastIndexOf('.'));
    }

    /** Polls {@code condition} every {@code every} until it holds (true) or {@code timeout} passed (false). */
    private boolean poll(Duration timeout, Duration every, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        do {
            if (!sink.isAlive()) {
                throw new AssertionError(
                        "The SMTP sink died; see " + cluster.dir().resolve("sink.log"));
            }
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(every);
        } while (System.nanoTime() < deadline);
        return condition.getAsBoolean();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void print(String format, Object... arguments) {
        System.out.printf("CLUSTER " + format + "%n", arguments);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.crosscast.bench;

import io.crosscast.crash.support.Audience;
import io.crosscast.crash.support.Closer;
import io.crosscast.crash.support.DeliveryApi;
import io.crosscast.crash.support.SinkProcess;
import io.crosscast.crash.support.WildFlyProcess;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Email sending against an SMTP peer that runs as a separate process, not the in-JVM sandbox (issue #12). Not an
 * Arquillian test: like {@code EmailCrashIT} it runs the WildFly that the build unpacks as a process
 * ({@link WildFlyProcess}, configuration {@code standalone-crosscast-crash.xml}: no sandbox), on its own port
 * offset, SMTP sink port and database, and sends to an {@link io.crosscast.crash.support.SmtpSink} in its own JVM
 * whose every reply after the greeting can wait a few milliseconds, as a relay across a network would.
 *
 * <p>For each number of connections c and reply delay d: the product sends a delivery of N personalised,
 * link-tracked emails to N recipients imported once through the REST CSV import (each run a new delivery to the
 * same recipients), on a server started with {@code -Dcrosscast.sending.connections=c} and
 * {@code -Dcrosscast.sending.maxConnections=c} (restarted only when c changes); msg/s counts from the send request
 * to the delivery's SENT status, polled through the REST API every 100 ms. Beside it, a bare Jakarta Mail loop in
 * this JVM: c threads, each with one reused {@link Transport} to the same sink, sending N personalised messages
 * of the same shape (multipart text and HTML, tracked links, List-Unsubscribe, a Message-ID of its own) with the
 * same delay, twice: each message built in the sending thread, inside the timing (the same work as the product's:
 * the ratio), then all built before the clock starts (the transport alone: SMTP's ceiling). Each run checks the ledger (N SENT, none failed) and
 * the sink's records (N more lines). After a server start, a warm-up delivery to a small second audience runs
 * first, untimed; the bare loop gets one untimed warm-up too.
 *
 * <p>With {@code -Dbench.million=true}: a server with {@code -Xmx512m} ({@code bench.million.heap}), 1,000,000
 * recipients imported through the API in chunks of 100,000 rows, one delivery at 16 connections; msg/s, and the
 * server JVM's peak heap, sampled every second with {@code jstat -gc} (used = S0U + S1U + EU + OU: the heap in
 * use at each sample, so a peak between two samples can be missed), during the import and during the send.
 *
 * <p>Settings (system properties, see the pom's {@code benchmark} profile): {@code bench.external.sends} (N,
 * 30,000; the pom sets it from {@code -Dbench.sends} when that is given), {@code bench.connections} ("1,8,16"; empty:
 * no matrix), {@code bench.delays} ("0,5"), {@code bench.warmup} (20,000: the server's JIT compiles the sending path
 * during the first ten thousand messages or so), {@code bench.db} (h2 or postgresql),
 * {@code bench.db.url}/{@code user}/{@code password}, {@code bench.port.offset} (1000), {@code bench.smtp.port}
 * (3625), {@code bench.million}, {@code bench.million.recipients}, {@code bench.million.connections} (16).
 */
class ExternalSendingBenchmark {

    /** The benchmarks' personalised message with three tracked links (ClusterBenchmark sends it too). */
    static final String SUBJECT = "{{firstName}}, your offer is waiting";

    static final String HTML = "<html><body><h1>Hello {{firstName}} {{lastName}}</h1>"
            + "<p>Your offer is waiting for you.</p>"
            + "<p><a href=\"https://shop.example.com/offer\" data-label=\"offer\">See the offer</a></p>"
            + "<p><a href=\"https://shop.example.com/news\">News</a> and"
            + " <a href=\"https://shop.example.com/account\">your account</a></p></body></html>";

    private final int sends = Integer.getInteger("bench.external.sends", 30_000);
    private final int[] connections = ExternalBench.ints(System.getProperty("bench.connections", "1,8,16"));
    private final int[] delays = ExternalBench.ints(System.getProperty("bench.delays", "0,5"));
    /**
     * N per connection for the runs with a reply delay ({@code bench.delayed.sends}, 1,250: 20,000 at 16 connections,
     * a few seconds of sending whatever the number of connections, so that the delivery's start does not weigh).
     */
    private final int delayedSends = Integer.getInteger("bench.delayed.sends", 1_250);

    private final int warmup = Integer.getInteger("bench.warmup", Math.min(20_000, sends));
    private final int portOffset = Integer.getInteger("bench.port.offset", 1000);
    private final int smtpPort = Integer.getInteger("bench.smtp.port", 3625);
    private final boolean million = Boolean.getBoolean("bench.million");
    private final int millionRecipients = Integer.getInteger("bench.million.recipients", 1_000_000);
    private final int millionConnections = Integer.getInteger("bench.million.connections", 16);
    private final String millionHeap = System.getProperty("bench.million.heap", "-Xmx512m");

    private final ExternalBench bench = new ExternalBench(
            "external sending",
            Path.of(System.getProperty("bench.server.dir", "target/bench-server")),
            portOffset,
            "bench.db.url",
            "jdbc:postgresql://localhost:5432/crosscast_bench",
            Map.of("crosscast.smtp.host", "127.0.0.1", "crosscast.smtp.port", Integer.toString(smtpPort)));
    private final String db = bench.db();
    private WildFlyProcess server;
    private SinkProcess sink;
    private DeliveryApi deliveries;

    /** Every server and sink this benchmark started, closed last first (the million run starts a second server). */
    @RegisterExtension
    final Closer started = new Closer();

    @Test
    void sendingAgainstAnSmtpSinkInItsOwnProcess() throws Exception {
        // The bare loop as fast as Jakarta Mail goes: its stream provider named, as wildfly-config/mail.cli names it
        // for the server (else each part's encoding looks it up through the ServiceLoader).
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        System.out.printf(
                "BENCHMARK external sending (%s): N=%,d, connections %s, reply delays %s ms, warm-up %,d,"
                        + " bare messages %s; server offset %d, sink port %d%n",
                db,
                sends,
                Arrays.toString(connections),
                Arrays.toString(delays),
                warmup,
                "built while sending, and before timing (transport only)",
                portOffset,
                smtpPort);
        server = started.add(bench.newServer());
        deliveries = bench.deliveries();
        sink = started.add(SinkProcess.start(
                smtpPort,
                server.baseDir().resolve("sink/received.tsv"),
                0,
                0,
                server.baseDir().resolve("sink/sink.log")));
        bench.peer("SMTP sink", sink::isAlive, server.baseDir().resolve("sink/sink.log"));

        if (connections.length > 0) {
            matrix();
        }
        if (million) {
            million();
        }
        sink.logStats();

        bench.summarise(
                "N=" + sends,
                String.format(
                        "  %-10s %5s %8s %12s %12s %6s %15s %14s",
                        "db",
                        "conns",
                        "delay ms",
                        "product/s",
                        "bare/s",
                        "ratio",
                        "transport only/s",
                        "round-trip cap"));
        bench.assertEveryRunSentEverything();
    }

    /** Connections x delays: the product's delivery beside the bare loop. */
    private void matrix() throws Exception {
        Audience audience = null;
        Audience warm = Audience.random("Warm", warmup, "bench.example.com");
        // With a reply delay a connection sends hundreds of messages a second: those runs take an audience sized by
        // the number of connections.
        Map<Integer, Audience> delayed = new HashMap<>();
        boolean bareWarm = false;
        for (int c : connections) {
            startServer(c);
            if (audience == null) {
                audience = Audience.random("Bench", sends, "bench.example.com");
                long t0 = System.nanoTime();
                deliveries.importRecipients(audience, 100_000);
                deliveries.importRecipients(warm, 100_000);
                System.out.printf(
                        "BENCHMARK external sending (%s): imported %,d + %,d recipients in %.1f s%n",
                        db, sends, warmup, (System.nanoTime() - t0) / 1e9);
            }
            sink.replyDelay(0);
            if (warmup > 0) {
                productRun(warm, "warm-up");
                if (!bareWarm) {
                    bareRun(warm, c, false);
                    bareWarm = true;
                }
            }
            for (int d : delays) {
                sink.replyDelay(d);
                Audience target = d > 0 ? delayedAudience(delayed, c) : audience;
                double product = productRun(target, "c" + c + " d" + d);
                // The bare loop doing the same work (a personalised message built for each recipient), then only
                // the transport (messages built before the clock starts): the ceiling of SMTP itself.
                double bare = bareRun(target, c, false);
                double transport = bareRun(target, c, true);
                // A sender that does not pipeline waits for 4 replies a message (MAIL, RCPT, DATA, end of data).
                String cap = d == 0 ? "-" : String.format("%,.0f msg/s", c * 1000.0 / (4 * d));
                System.out.printf(
                        "BENCHMARK sending db=%s connections=%d delayMs=%d product=%.0f msg/s bare=%.0f msg/s"
                                + " ratio=%.2f transportOnly=%.0f msg/s%n",
                        db, c, d, product, bare, product / bare, transport);
                bench.row(String.format(
                        "  %-10s %5d %8d %12.0f %12.0f %6.2f %15.0f %14s",
                        db, c, d, product, bare, product / bare, transport, cap));
            }
        }
        server.stop();
    }

    /** The audience of the runs with a reply delay at {@code c} connections, imported on first use. */
    private Audience delayedAudience(Map<Integer, Audience> known, int c) {
        return known.computeIfAbsent(c, n -> {
            Audience slow = Audience.random("Slow" + n, Math.min(sends, delayedSends * n), "bench.example.com");
            deliveries.importRecipients(slow, 100_000);
            return slow;
        });
    }

    /** (Re)starts the server with {@code c} sending connections. */
    private void startServer(int c) {
        bench.restart(
                c + " connection(s)",
                Map.of(
                        "crosscast.sending.connections",
                        Integer.toString(c),
                        "crosscast.sending.maxConnections",
                        Integer.toString(c)));
    }

    /** One delivery to the audience; msg/s from the send request to SENT. Checks the ledger and the sink. */
    private double productRun(Audience audience, String label) {
        long id = deliveries.createEmail(
                "Bench " + label + " " + audience.token(), "Crosscast Bench", "bench@example.com", SUBJECT, HTML);
        double seconds = bench.timedDelivery(id, audience, sink::count, label);
        double rate = audience.size() / seconds;
        System.out.printf(
                "BENCHMARK external sending (%s): product %s: %,d messages in %.2f s = %,.0f msg/s%n",
                db, label, audience.size(), seconds, rate);
        return rate;
    }

    /**
     * The bare Jakarta Mail loop: {@code c} threads, each with one reused transport to the sink, taking the next
     * message number from a shared counter. Timed from before the first connect to after the last close. With
     * {@code prebuild}, the messages are built before the clock starts.
     */
    private double bareRun(Audience audience, int c, boolean prebuild) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "60000");
        Session session = Session.getInstance(properties);
        String run = Long.toString(System.nanoTime(), 36);
        List<MimeMessage> built = new ArrayList<>();
        if (prebuild) {
            for (int i = 0; i < audience.size(); i++) {
                built.add(bareMessage(session, audience, i, run));
            }
        }
        long before = sink.count();
        Duration sinkCpu = sink.cpuTime();
        AtomicInteger next = new AtomicInteger();
        ExternalBench.Parallel sent = ExternalBench.parallel(c, () -> {
            int count = 0;
            Transport transport = session.getTransport("smtp");
            transport.connect();
            try {
                for (int i = next.getAndIncrement(); i < audience.size(); i = next.getAndIncrement()) {
                    MimeMessage message = prebuild ? built.get(i) : bareMessage(session, audience, i, run);
                    transport.sendMessage(message, message.getAllRecipients());
                    count++;
                }
            } finally {
                transport.close();
            }
            return count;
        });
        long received = sink.count() - before;
        if (sent.total() != audience.size() || received != audience.size()) {
            bench.problem(String.format(
                    "bare loop (%d connections): sent %,d, sink received %,d of %,d",
                    c, sent.total(), received, audience.size()));
        }
        double rate = audience.size() / sent.seconds();
        // The sink's own CPU per message: far below 1e6 / rate µs, the sink is not what limits the rate.
        double sinkMicros = sink.cpuTime().minus(sinkCpu).toNanos() / 1e3 / audience.size();
        System.out.printf(
                "BENCHMARK external sending (%s): bare loop%s, %d connection(s): %,d messages in %.2f s"
                        + " = %,.0f msg/s (sink CPU %.0f µs a message, %.0f%% of one core)%n",
                db,
                prebuild ? " (transport only)" : "",
                c,
                audience.size(),
                sent.seconds(),
                rate,
                sinkMicros,
                sinkMicros * rate / 1e4);
        return rate;
    }

    /**
     * A message of the shape the product sends: personalised subject and parts, the template's three links
     * as click URLs with a token each, List-Unsubscribe, a Message-ID of its own; saved, ready to send.
     */
    private MimeMessage bareMessage(Session session, Audience audience, int i, String run) throws MessagingException {
        String first = "R" + i;
        String last = audience.token();
        String click = "http://127.0.0.1:" + server.httpPort() + "/crosscast/t/c/";
        String token = String.format("%032x", (long) i * 0x9E3779B97F4A7C15L ^ run.hashCode());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("Crosscast Bench <bench@example.com>"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(audience.address(i)));
        message.setSubject(first + ", your offer is waiting", "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(
                "Hello " + first + " " + last + "\n\nYour offer is waiting for you.\n\nSee the offer: " + click + token
                        + "0\nNews: " + click + token + "1\nYour account: " + click + token + "2\n",
                "UTF-8",
                "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(
                "<html><body><h1>Hello " + first + " " + last + "</h1><p>Your offer is waiting for you.</p>"
                        + "<p><a href=\"" + click + token + "0\">See the offer</a></p><p><a href=\"" + click + token
                        + "1\">News</a> and <a href=\"" + click + token + "2\">your account</a></p>"
                        + "<img src=\"http://127.0.0.1:" + server.httpPort() + "/crosscast/t/o/" + token
                        + "\" width=\"1\" height=\"1\" alt=\"\"></body></html>",
                "UTF-8",
                "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.setHeader(
                "List-Unsubscribe", "<http://127.0.0.1:" + server.httpPort() + "/crosscast/t/u/" + token + ">");
        message.saveChanges();
        message.setHeader("Message-ID", "<bare." + run + "." + i + "@bench.example.com>");
        return message;
    }

    /**
     * A million recipients on a server with a 512 MB heap: import through the API, one delivery; msg/s and the
     * server JVM's peak heap.
     */
    private void million() {
        server.stop();
        WildFlyProcess small = started.add(bench.newServer(millionHeap));
        server = small;
        deliveries = bench.deliveries();
        sink.replyDelay(0);
        startServer(millionConnections);
        Audience audience = Audience.random("Million", millionRecipients, "million.example.com");
        try (HeapSampler heap = HeapSampler.start(small.pid())) {
            long t0 = System.nanoTime();
            deliveries.importRecipients(audience, 100_000);
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            long importPeak = heap.takePeakMb();
            System.out.printf(
                    "BENCHMARK external sending (%s): imported %,d recipients in %.1f s (%,.0f rows/s),"
                            + " server peak heap %,d MB%n",
                    db, millionRecipients, importSeconds, millionRecipients / importSeconds, importPeak);

            long id = deliveries.createEmail(
                    "Bench million " + audience.token(), "Crosscast Bench", "bench@example.com", SUBJECT, HTML);
            long before = sink.count();
            long t1 = System.nanoTime();
            deliveries.send(id, audience);
            boolean sent =
                    deliveries.awaitStatus(id, "SENT", Duration.ofHours(3), Duration.ofSeconds(1), bench::checkAlive);
            double seconds = (System.nanoTime() - t1) / 1e9;
            long sendPeak = heap.takePeakMb();
            JsonObject stats = deliveries.stats(id);
            long received = sink.count() - before;
            boolean allSent = sent
                    && stats.getJsonNumber("sent").longValue() == millionRecipients
                    && stats.getJsonNumber("failed").longValue() == 0
                    && received == millionRecipients;
            System.out.printf(
                    "BENCHMARK sending million db=%s heap=%s connections=%d: %,d messages in %.1f s ="
                            + " %,.0f msg/s, server peak heap %,d MB (jstat -gc every second, max heap %,d MB), all SENT: %s"
                            + " (stats %s, sink received %,d)%n",
                    db,
                    millionHeap,
                    millionConnections,
                    millionRecipients,
                    seconds,
                    millionRecipients / seconds,
                    sendPeak,
                    heap.capacityMb(),
                    allSent,
                    stats,
                    received);
            bench.row(String.format(
                    "  %-10s million (%s, %d connections): %,.0f msg/s, peak heap %,d MB while"
                            + " sending (%,d MB while importing), all SENT: %s",
                    db, millionHeap, millionConnections, millionRecipients / seconds, sendPeak, importPeak, allSent));
            if (!allSent) {
                bench.problem("million: not all SENT: " + stats + ", sink received " + received);
            }
        }
        small.stop();
    }

    /**
     * The heap in use of another JVM, from {@code jstat -gc PID 1000} (the JDK's, beside this java): one sample a
     * second, used = S0U + S1U + EU + OU; keeps the highest since the last {@link #takePeakMb()}.
     */
    static final class HeapSampler implements AutoCloseable {

        private final Process jstat;
        private volatile double peakKb;
        private volatile double capacityKb;

        private HeapSampler(Process jstat) {
            this.jstat = jstat;
        }

        static HeapSampler start(long pid) {
            Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
            Path jstatPath = java.resolveSibling("jstat");
            try {
                Process process = new ProcessBuilder(jstatPath.toString(), "-gc", Long.toString(pid), "1000")
                        .redirectErrorStream(true)
                        .start();
                HeapSampler sampler = new HeapSampler(process);
                Thread reader = new Thread(sampler::read, "jstat-reader");
                reader.setDaemon(true);
                reader.start();
                return sampler;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot run " + jstatPath, e);
            }
        }

        private void read() {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> header = null;
                String line;
                while ((line = out.readLine()) != null) {
                    String[] fields = line.strip().split("\\s+");
                    if (fields.length > 0 && fields[0].equals("S0C")) {
                        header = List.of(fields);
                    } else if (header != null && fields.length == header.size()) {
                        double used = 0;
                        double capacity = 0;
                        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                            used += Double.parseDouble(fields[header.indexOf(column)]);
                        }
                        for (String column : List.of("S0C", "S1C", "EC", "OC")) {
                            capacity += Double.parseDouble(fields[header.indexOf(column)]);
                        }
                        peakKb = Math.max(peakKb, used);
                        capacityKb = Math.max(capacityKb, capacity);
                    } else if (!line.isBlank()) {
                        System.out.println("BENCHMARK jstat: " + line);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                System.out.println("BENCHMARK jstat stopped: " + e);
            }
        }

        /** The highest heap in use seen since the last call (MB); starts afresh. */
        long takePeakMb() {
            long mb = Math.round(peakKb / 1024);
            peakKb = 0;
            return mb;
        }

        /** The largest committed heap seen (MB). */
        long capacityMb() {
            return Math.round(capacityKb / 1024);
        }

        @Override
        public void close() {
            jstat.destroy();
        }
    }
}

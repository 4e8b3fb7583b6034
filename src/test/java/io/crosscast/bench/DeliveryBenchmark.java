package io.crosscast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.DemoData;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.MessageStatus;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.list.ListService;
import io.crosscast.platform.Datasources;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.tracking.TrackingLinks;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sending: N personalised, link-tracked emails through the ledger into the sandbox SMTP server, beside a
 * raw sender pushing one pre-built message N times over one connection into the same server; peak heap of
 * both. Then the click endpoint under wrk (when installed), beside a static file of the same server.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryBenchmark {

    @Deployment
    static WebArchive deployment() {
        String settings = "bench.sends=" + System.getProperty("bench.sends", "100000") + "\n" + "bench.db="
                + System.getProperty("bench.db", "h2") + "\n";
        return Deployments.crosscast(DeliveryBenchmark.class)
                .addAsResource(new StringAsset(settings), "bench.properties");
    }

    @EJB
    private DeliveryService deliveries;

    @EJB
    private DemoData demoData;

    @EJB
    private OutboxService outbox;

    @EJB
    private ListService lists;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    @Inject
    private TrackingLinks links;

    @Resource(lookup = "java:jboss/mail/Crosscast")
    private Session mail;

    @Test
    void sendBesideARawSenderThenClicksUnderWrk() throws Exception {
        Properties settings = new Properties();
        try (InputStream in = DeliveryBenchmark.class.getResourceAsStream("/bench.properties")) {
            settings.load(in);
        }
        long wanted = Long.parseLong(settings.getProperty("bench.sends"));
        // Demo recipients: most have an email, some are opted out or have none; generate until enough to send,
        // then target exactly the first N sendable ones through a list (other benchmarks may have made many more).
        while (sendable() < wanted) {
            demoData.generateRecipients(Math.max(1000, (wanted - sendable()) * 11 / 10));
        }
        long listId = lists.create("Benchmark " + System.nanoTime(), null).getId();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO list_member (list_id, recipient_id, added_at) SELECT ?, id, CURRENT_TIMESTAMP FROM recipient"
                                + " WHERE email IS NOT NULL AND email_opt_out = FALSE AND email_quarantined_at IS NULL"
                                + " ORDER BY id FETCH FIRST " + wanted + " ROWS ONLY")) {
            s.setLong(1, listId);
            s.executeUpdate();
        }
        outbox.clear();
        Delivery delivery = deliveries.create(
                Channel.EMAIL,
                new DeliveryContent(
                        "Benchmark",
                        "Crosscast Shop",
                        "shop@example.com",
                        null,
                        "{{firstName}}, your offer is waiting",
                        "<html><body><h1>Hello {{firstName}} {{lastName}}</h1><p>Your status: {{status}}.</p>"
                                + "<p><a href=\"https://shop.example.com/offer\" data-label=\"offer\">See the offer</a></p>"
                                + "<p><a href=\"https://shop.example.com/news\">News</a> and"
                                + " <a href=\"https://shop.example.com/account\">your account</a></p></body></html>",
                        null));
        resetPeaks();
        long t0 = System.nanoTime();
        DeliveryStats targeted = deliveries.sendToCondition(
                delivery.getId(),
                ConditionJson.fromJson(
                        "{\"field\": \"list\", \"operator\": \"member_of_list\", \"values\": [\"" + listId + "\"]}"));
        assertTrue(
                Polling.eventually(
                        Duration.ofHours(2),
                        () -> deliveries.get(delivery.getId()).getStatus() == DeliveryStatus.SENT),
                "the delivery ends");
        double engineSeconds = (System.nanoTime() - t0) / 1e9;
        long engineHeap = peakHeapMb();
        long sent = deliveries.ledgerCount(delivery.getId(), MessageStatus.SENT);
        assertEquals(targeted.targeted() - targeted.excluded(), sent);

        MimeMessage prebuilt = prebuilt();
        resetPeaks();
        long t1 = System.nanoTime();
        Transport transport = mail.getTransport("smtp");
        transport.connect();
        try {
            for (long i = 0; i < sent; i++) {
                InternetAddress to = new InternetAddress("raw" + i + "@example.com");
                prebuilt.setRecipient(Message.RecipientType.TO, to);
                transport.sendMessage(prebuilt, new InternetAddress[] {to});
            }
        } finally {
            transport.close();
        }
        double rawSeconds = (System.nanoTime() - t1) / 1e9;
        long rawHeap = peakHeapMb();

        double engineRate = sent / engineSeconds;
        double rawRate = sent / rawSeconds;
        System.out.printf(
                "BENCHMARK email send (%s): %,d messages through the ledger in %.1f s = %,.0f msg/s"
                        + " (peak heap %,d MB, includes targeting %,d recipients); raw sender of a pre-built message"
                        + " %,.0f msg/s (peak heap %,d MB); ratio %.2f%n",
                settings.getProperty("bench.db"),
                sent,
                engineSeconds,
                engineRate,
                engineHeap,
                targeted.targeted(),
                rawRate,
                rawHeap,
                engineRate / rawRate);

        long anyone = deliveries
                .ledger(delivery.getId(), MessageStatus.SENT, 0, 1)
                .get(0)
                .recipientId();
        String click = links.clickUrl(delivery.getId(), anyone, 0);
        String statik = links.publicUrl() + "/resources/css/crosscast.css";
        System.out.println("BENCHMARK click endpoint: " + wrk(click));
        System.out.println("BENCHMARK static file:    " + wrk(statik));
    }

    private long sendable() {
        return demoData.recipientCount() * 8 / 10;
    }

    private MimeMessage prebuilt() throws MessagingException {
        MimeMessage message = new MimeMessage(mail);
        message.setFrom(new InternetAddress("shop@example.com"));
        message.setSubject("Ana, your offer is waiting", "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello Ana Martin\nYour status: GOLD.\nSee the offer: https://shop.example.com/offer\n", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(
                "<html><body><h1>Hello Ana Martin</h1><p>Your status: GOLD.</p><p><a href=\"" + links.publicUrl()
                        + "/t/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\">See the offer</a></p></body></html>",
                "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** wrk's requests/s and latency percentiles, or why it did not run. */
    private static String wrk(String url) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("wrk", "-t2", "-c32", "-d15s", "--latency", url)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException notInstalled) {
            return "wrk is not installed (apt-get install -y wrk), not measured";
        }
        List<String> lines;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        process.waitFor();
        return lines.stream()
                .map(String::strip)
                .filter(l -> l.startsWith("Requests/sec")
                        || l.startsWith("50%")
                        || l.startsWith("99%")
                        || l.startsWith("Non-2xx"))
                .collect(Collectors.joining("; "));
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed())
                        .sum()
                / (1024 * 1024);
    }
}

package io.crosscast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.DemoData;
import io.crosscast.audience.ImportReport;
import io.crosscast.audience.RecipientImportService;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.Group;
import io.crosscast.audience.condition.Logic;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.Rule;
import io.crosscast.audience.importing.ColumnMapping;
import io.crosscast.audience.importing.ImportChoices;
import io.crosscast.it.support.Deployments;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Audience figures on the test server's database (run: ./mvnw verify -Pbenchmark [-Ddb=postgresql]
 * [-Dbench.recipients=1000000] [-Dbench.importRows=100000]). Prints figures; asserts only correctness.
 */
@ExtendWith(ArquillianExtension.class)
class AudienceBenchmark {

    @Deployment
    static WebArchive deployment() {
        // The test runs in the server: its settings travel inside the deployment.
        String settings = "bench.recipients=" + System.getProperty("bench.recipients", "1000000") + "\n"
                + "bench.importRows=" + System.getProperty("bench.importRows", "100000") + "\n"
                + "bench.db=" + System.getProperty("bench.db", "h2") + "\n";
        return Deployments.crosscast(AudienceBenchmark.class, GeneratedCsv.class)
                .addAsResource(new StringAsset(settings), "bench.properties");
    }

    @EJB
    private DemoData demoData;

    @EJB
    private RecipientService recipients;

    @EJB
    private RecipientImportService importer;

    private static final Properties SETTINGS = new Properties();

    private static String setting(String name) {
        if (SETTINGS.isEmpty()) {
            try (InputStream in = AudienceBenchmark.class.getResourceAsStream("/bench.properties")) {
                SETTINGS.load(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return SETTINGS.getProperty(name);
    }

    @Test
    void figures() throws IOException {
        long wanted = Long.parseLong(setting("bench.recipients"));
        long importRows = Long.parseLong(setting("bench.importRows"));
        String db = setting("bench.db");

        long existing = demoData.recipientCount();
        if (existing < wanted) {
            long t0 = System.nanoTime();
            demoData.generateRecipients(wanted - existing);
            report("generate %,d recipients (set-based): %,d ms", wanted - existing, ms(t0));
        }
        long total = demoData.recipientCount();
        report("recipients in the database: %,d (%s)", total, db);

        Condition threeRules = new Group(
                Logic.AND,
                List.of(
                        new Rule("status", Operator.EQUALS, List.of("GOLD")),
                        new Rule("email", Operator.IS_NOT_EMPTY, List.of()),
                        new Rule("country", Operator.IN, List.of("FR", "BE"))));
        long t1 = System.nanoTime();
        long count = recipients.count(threeRules);
        report("3-rule condition count = %,d: first %d ms", count, ms(t1));
        assertTrue(count > 0);
        report(
                "3-rule condition count: median %d ms of 5 more (the database may cache repeats)",
                median(() -> recipients.count(threeRules)));
        t1 = System.nanoTime();
        recipients.page(threeRules, "lastName", true, 0, 50);
        report("3-rule condition first page of 50 by last name: first %d ms", ms(t1));
        report(
                "3-rule condition first page of 50 by last name: median %d ms (of 5)",
                median(() ->
                        recipients.page(threeRules, "lastName", true, 0, 50).size()));
        report(
                "3-rule condition page 100 (offset 5,000) by last name: median %d ms (of 5)",
                median(() ->
                        recipients.page(threeRules, "lastName", true, 5_000, 50).size()));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        String header = "email,first name,last name,mobile,status,country";
        ImportReport result = importer.importCsv(
                new GeneratedCsv(header, importRows, System.nanoTime()),
                StandardCharsets.UTF_8,
                ',',
                ColumnMapping.autoMatch(Arrays.asList(header.split(","))),
                ImportChoices.DEFAULT,
                null);
        long elapsed = ms(t0);
        sampling.set(false);
        assertEquals(importRows, result.linesRead());
        assertEquals(importRows, result.created() + result.updated() + result.rejected());
        report(
                "import %,d CSV rows: %,d ms = %,d rows/s (created %,d, updated %,d, rejected %,d)",
                importRows,
                elapsed,
                importRows * 1000 / Math.max(1, elapsed),
                result.created(),
                result.updated(),
                result.rejected());
        report(
                "heap during the import: baseline %,d MB, peak %,d MB (max heap %,d MB)",
                baseline >> 20, peak.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long median(LongSupplier work) {
        long[] times = new long[5];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            work.getAsLong();
            times[i] = ms(t0);
        }
        Arrays.sort(times);
        return times[2];
    }

    private static void report(String format, Object... arguments) {
        System.out.println("BENCHMARK " + String.format(format, arguments));
    }

    /** A CSV file of N recipient lines made on the fly, never held in memory. */
    static final class GeneratedCsv extends InputStream {
        private static final String[] STATUS = {"gold", "silver", "bronze", ""};
        private final long rows;
        private final long seed;
        private long next = -1;
        private byte[] line;
        private int position;

        GeneratedCsv(String header, long rows, long seed) {
            this.rows = rows;
            this.seed = seed;
            this.line = (header + "\n").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            if (line == null || position == line.length) {
                if (++next >= rows) {
                    return -1;
                }
                String phone = String.format("06%08d", (next * 7919 + seed) % 100_000_000L);
                line = ("bench" + seed + "." + next + "@example.org,First" + next + ",Bench" + (next % 1000) + ","
                                + phone + "," + STATUS[(int) (next % 4)] + ",FR\n")
                        .getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return line[position++] & 0xff;
        }
    }
}

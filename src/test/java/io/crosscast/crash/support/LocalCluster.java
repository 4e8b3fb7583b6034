package io.crosscast.crash.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Crosscast cluster on this machine for the cluster crash test, the way {@code wildfly-config/local-cluster.sh}
 * runs one: WildFly's load balancer ({@value #BALANCER_CONFIG}, which the build makes from
 * {@code standalone-load-balancer.xml} and {@code wildfly-config/load-balancer.cli}) and nodes ({@value #NODE_CONFIG},
 * from {@code standalone-ha.xml}: the crash server's scripts, then {@code wildfly-config/cluster.cli}), each a
 * {@link WildFlyProcess} in a base directory of its own (its data directory survives a kill), named
 * {@code node1}, {@code node2}..., on the crash tests' PostgreSQL database ({@code crash.db.url}...). Ports: the
 * balancer at the crash tests' offset ({@code crash.port.offset}: HTTP 8080 + offset, its MCMP listener 8090 +
 * offset), node n at the offset + 100 n. The build makes both configurations on PostgreSQL builds only
 * ({@code -Ddb=postgresql}).
 */
public final class LocalCluster implements AutoCloseable {

    public static final String NODE_CONFIG = "standalone-crosscast-ha.xml";
    public static final String BALANCER_CONFIG = "standalone-crosscast-balancer.xml";

    private final int offset;
    private final Path dir;
    private final WildFlyProcess balancer;
    private final List<Node> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Fresh base directories under {@code dir} for the balancer and {@code count} nodes with the WAR deployed, not
     * started; {@code properties} are the nodes' own system properties (the SMTP server, sending settings...), added
     * to the database's, the node's name and the balancer's address.
     */
    public LocalCluster(Path dir, int count, Map<String, String> properties) {
        this(dir, count, CrashServer.portOffset(), crashDatabase(), properties);
    }

    /** The crash tests' PostgreSQL database ({@code crash.db.url}...) as the nodes' system properties. */
    private static Map<String, String> crashDatabase() {
        Map<String, String> database = new LinkedHashMap<>();
        database.put("crosscast.db.url", System.getProperty("crash.db.url"));
        database.put("crosscast.db.user", System.getProperty("crash.db.user", "crosscast"));
        database.put("crosscast.db.password", System.getProperty("crash.db.password", "crosscast"));
        return database;
    }

    /**
     * The same with the balancer at port offset {@code offset} (nodes at + 100 n) and the nodes on {@code database}
     * ({@code crosscast.db.url}, {@code .user}, {@code .password}): the cluster benchmark's ports and database.
     */
    public LocalCluster(Path dir, int count, int offset, Map<String, String> database, Map<String, String> properties) {
        this.offset = offset;
        this.dir = dir.toAbsolutePath();
        Path jbossHome = Path.of(System.getProperty("jboss.home"));
        balancer = new WildFlyProcess(
                jbossHome, this.dir.resolve("balancer"), BALANCER_CONFIG, offset, Map.of(), "-Xms64m -Xmx256m");
        balancer.prepareFreshBaseDir();
        for (int n = 1; n <= count; n++) {
            Map<String, String> all = new LinkedHashMap<>(database);
            all.put("jboss.node.name", "node" + n);
            all.put("crosscast.balancer.host", "127.0.0.1");
            all.put("crosscast.balancer.port", Integer.toString(8090 + offset));
            all.putAll(properties);
            WildFlyProcess process =
                    new WildFlyProcess(jbossHome, this.dir.resolve("node" + n), NODE_CONFIG, offset + 100 * n, all);
            process.prepareFreshBaseDir();
            process.deploy(Path.of(System.getProperty("crosscast.war", "target/crosscast.war")));
            nodes.add(new Node("node" + n, process));
        }
    }

    /** One node: its name (its route in the session cookies, its Quartz instance, its ledger claims) and process. */
    public final class Node {

        private final String name;
        private final WildFlyProcess process;
        private final RestClient api;
        private final DeliveryApi deliveries;

        private Node(String name, WildFlyProcess process) {
            this.name = name;
            this.process = process;
            this.api = new RestClient(process.httpPort(), "marketer", "marketer");
            this.deliveries = new DeliveryApi(api);
        }

        public String name() {
            return name;
        }

        /** The REST API on this node's own HTTP port, past the balancer. */
        public RestClient api() {
            return api;
        }

        public DeliveryApi deliveries() {
            return deliveries;
        }

        public boolean isRunning() {
            return process.isRunning();
        }

        /** Whether this node's process was started (it may have died since). */
        public boolean started() {
            return process.starts() > 0;
        }

        /** Starts the node's process (same name, same data directory as before a kill). */
        public void start() {
            process.start();
        }

        /** Waits until the application answers on this node and the balancer lists the node. */
        public void awaitReady() {
            process.awaitReady("crosscast.war", api::answers);
            if (!WildFlyProcess.eventually(Duration.ofSeconds(60), () -> balancerLists(name))) {
                String dump = balancerDump();
                if (!dump.contains("JVMRoute: " + name + ",")) {
                    throw new IllegalStateException(name + " is not registered with the balancer: " + dump);
                }
                System.out.println(
                        "CLUSTER " + name + " listed by the balancer, its context not seen enabled: " + dump);
            }
        }

        /** SIGKILL to the node's JVM; returns its process id once it is gone. */
        public long kill() {
            long pid = process.pid();
            process.kill();
            return pid;
        }

        public Path serverLog() {
            return process.serverLog();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node node(String name) {
        return nodes.stream()
                .filter(n -> n.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    /** The other node of a two-node cluster. */
    public Node other(Node node) {
        return nodes.stream().filter(n -> n != node).findFirst().orElseThrow();
    }

    /**
     * Starts the balancer, then the nodes, and waits until all are ready and registered. On a database that holds
     * Crosscast's schema already the nodes start at once; on an empty one the first node starts alone and the others
     * once it is ready, as {@code local-cluster.sh} does: two first starts at once race on the rows made at the first
     * start (the tracking secret: a duplicate key on one node).
     */
    public void start(boolean databaseMigrated) {
        startBalancer();
        nodes.get(0).start();
        if (!databaseMigrated) {
            nodes.get(0).awaitReady();
        }
        nodes.subList(1, nodes.size()).forEach(Node::start);
        nodes.forEach(Node::awaitReady);
        awaitAnswering(Duration.ofSeconds(60));
        System.out.println(
                "CLUSTER the balancer's nodes (MCMP DUMP):\n" + balancerDump().strip());
    }

    /** Starts the balancer alone and waits until it listens (then start the nodes one by one, as a benchmark does). */
    public void startBalancer() {
        balancer.start();
        if (!WildFlyProcess.eventually(Duration.ofSeconds(120), () -> listens(balancer.httpPort()))) {
            throw new IllegalStateException("The balancer does not listen; see " + balancer.serverLog());
        }
    }

    /** The balancer's public HTTP port (8080 + the offset). */
    public int httpPort() {
        return balancer.httpPort();
    }

    /** The application through the balancer. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + balancer.httpPort() + "/crosscast/");
    }

    /** The REST API through the balancer. */
    public RestClient api() {
        return new RestClient(balancer.httpPort(), "marketer", "marketer");
    }

    /**
     * Whether the balancer routes to the node {@code name}: mod_cluster's MCMP DUMP command lists the node (line
     * {@code node: [index:id],Balancer: ...,JVMRoute: name,...}) and the application's context on it enabled (line
     * {@code context: n [/crosscast] vhost: n node: id status: 1}). A node whose first STATUS message reached the
     * balancer before its configuration is listed without its context for a while (MODCLUSTER000042).
     */
    public boolean balancerLists(String name) {
        String dump = balancerDump();
        Matcher node = Pattern.compile(
                        "node: \\[(\\d+):(\\d+)\\],Balancer: [^,]*,JVMRoute: " + Pattern.quote(name) + ",")
                .matcher(dump);
        if (!node.find()) {
            return false;
        }
        return Pattern.compile("context: \\d+ \\[/crosscast\\] vhost: \\d+ node: (" + node.group(1) + "|"
                        + node.group(2) + ") status: (1|ENABLED)\\b")
                .matcher(dump)
                .find();
    }

    /**
     * Waits until the balancer answers new sessions without a 5xx several times in a row (each request without a
     * cookie may go to either node): once the nodes start, and again after a restart: right after a node restarted
     * under its old name, the balancer can still route
     * some of them to the dead registration and answer 503 for a while, although both nodes are listed.
     */
    public void awaitAnswering(Duration timeout) {
        int inARow = 2 * nodes.size() + 2;
        if (!WildFlyProcess.eventually(timeout, () -> {
            for (int i = 0; i < inARow; i++) {
                if (status(url()) >= 500) {
                    return false;
                }
            }
            return true;
        })) {
            throw new IllegalStateException("The balancer still answers 5xx after " + timeout + ": " + balancerDump());
        }
    }

    private int status(URI uri) {
        try {
            return http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }

    /** What mod_cluster's DUMP command answers on the balancer's MCMP port (its nodes and contexts). */
    public String balancerDump() {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8090 + offset) + "/"))
                                    .timeout(Duration.ofSeconds(5))
                                    .method("DUMP", HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "(no answer: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    public Path dir() {
        return dir;
    }

    /** Stops the nodes, then the balancer. */
    @Override
    public void close() {
        nodes.forEach(n -> n.process.close());
        balancer.close();
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

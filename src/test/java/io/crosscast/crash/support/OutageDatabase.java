package io.crosscast.crash.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A database the crash-test server reaches over TCP through a process of the test's own, so that a test can take
 * the database away for real and give it back: on H2, an H2 TCP server (the database itself stops); on PostgreSQL,
 * a {@link TcpRelay} in front of the local cluster (the database is gone for the server). Its port is 5432 moved
 * by the crash tests' port offset.
 */
public final class OutageDatabase {

    private final String db = System.getProperty("crash.db", "h2");
    private final int port = 5432 + CrashServer.portOffset();

    public boolean isPostgresql() {
        return "postgresql".equals(db);
    }

    public int port() {
        return port;
    }

    /**
     * Starts the database process on an empty database: H2's files from an earlier run (another schema, other
     * rows) are deleted first. Give it back after an outage with {@link #start(Path)}.
     */
    public JavaProcess startEmpty(Path dir) {
        if (!isPostgresql()) {
            try {
                WildFlyProcess.deleteTree(dir.resolve("data"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty " + dir.resolve("data"), e);
            }
        }
        return start(dir);
    }

    /** Starts the database process (H2 keeps its files under {@code dir/data}); stop it by closing it. */
    public JavaProcess start(Path dir) {
        if (isPostgresql()) {
            URI target = target();
            return JavaProcess.start(
                    TcpRelay.class,
                    List.of(),
                    dir.resolve("relay.log"),
                    "ready",
                    Integer.toString(port),
                    target.getHost(),
                    Integer.toString(target.getPort()));
        }
        return JavaProcess.start(
                org.h2.tools.Server.class,
                List.of(),
                dir.resolve("h2.log"),
                "TCP server running",
                "-tcp",
                "-tcpPort",
                Integer.toString(port),
                "-baseDir",
                dir.resolve("data").toString(),
                "-ifNotExists");
    }

    /** The server's datasource settings that go through this process. */
    public Map<String, String> serverProperties() {
        if (isPostgresql()) {
            return Map.of("crosscast.db.url", "jdbc:postgresql://127.0.0.1:" + port + target().getPath());
        }
        return Map.of(
                "crosscast.db.url",
                "jdbc:h2:tcp://127.0.0.1:" + port + "/crosscast",
                "crosscast.db.user",
                "sa",
                "crosscast.db.password",
                "sa");
    }

    private static URI target() {
        return URI.create(System.getProperty("crash.db.url", "jdbc:postgresql://localhost:5432/crosscast_crash")
                .substring("jdbc:".length()));
    }
}

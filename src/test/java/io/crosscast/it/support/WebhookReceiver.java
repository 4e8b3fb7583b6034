package io.crosscast.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver for the tests: the JDK's HTTP server on 127.0.0.1 (a free port, or the one given), keeping
 * every request it gets (headers, body) and answering the status that {@code answers} gives for the request's
 * number (1 = the first).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request received. */
    public record Received(String method, String path, Map<String, String> headers, String body, int answered) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    private WebhookReceiver(int port, IntUnaryOperator answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders()
                        .forEach((name, values) ->
                                headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
                int status;
                synchronized (received) {
                    status = answers.applyAsInt(received.size() + 1);
                    received.add(new Received(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(),
                            headers,
                            body,
                            status));
                }
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Started on a free port of 127.0.0.1. */
    public static WebhookReceiver start(IntUnaryOperator answers) {
        return start(0, answers);
    }

    public static WebhookReceiver start(int port, IntUnaryOperator answers) {
        try {
            return new WebhookReceiver(port, answers);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the webhook receiver: " + e, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL to subscribe, with {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.crosscast.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The Prometheus text the test server's management interface serves at {@code /metrics}, and its samples. */
public final class PrometheusText {

    private final String text;

    private PrometheusText(String text) {
        this.text = text;
    }

    /** Reads {@code http://127.0.0.1:port/metrics} (the management interface's port); fails unless it answers 200. */
    public static PrometheusText scrape(int managementPort) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/metrics"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + response.statusCode() + ": " + response.body());
        }
        return new PrometheusText(response.body());
    }

    /**
     * The management port of the server this code runs in (in-container tests): WildFly's 9990 moved by the port
     * offset the test server is started with.
     */
    public static int managementPortHere() {
        return 9990 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    }

    /**
     * The sum of the samples of {@code metric} (exact name, e.g. {@code crosscast_messages_total}) whose labels
     * include every {@code label="value"} given; null when there is none.
     */
    public Double value(String metric, String... labels) {
        Double sum = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                continue;
            }
            int close = line.lastIndexOf('}');
            String labelPart = close < 0 ? "" : line.substring(0, close + 1);
            boolean matches = true;
            for (String label : labels) {
                matches &= labelPart.contains(label);
            }
            if (matches) {
                String[] parts = line.substring(close + 1).trim().split("\\s+");
                sum = (sum == null ? 0 : sum) + Double.parseDouble(parts[0]);
            }
        }
        return sum;
    }

    public String text() {
        return text;
    }
}

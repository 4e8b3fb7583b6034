package io.crosscast.sandbox;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Whether the SMPP sandbox runs, and how, from the server's system properties: it runs with the SMTP
 * sandbox ({@code crosscast.sandbox=true}), on {@code crosscast.sandbox.smpp.port} (default 2775, where the
 * SMPP client's {@code crosscast.smpp.port} points by default), keeps {@code crosscast.sandbox.keep} text
 * messages (default 20,000) and sends delivery receipts {@code crosscast.sandbox.smpp.receiptDelay}
 * milliseconds after a message arrived (default 1000).
 *
 * @param enabled      whether the sandbox should run
 * @param host         the address it listens on: always the loopback address
 * @param port         its SMPP port
 * @param keep         the most text messages the outbox holds
 * @param receiptDelay how long after a message its delivery receipt is sent
 */
public record SmppSandboxSettings(boolean enabled, String host, int port, int keep, Duration receiptDelay) {

    public static final String PORT = "crosscast.sandbox.smpp.port";
    public static final String RECEIPT_DELAY = "crosscast.sandbox.smpp.receiptDelay";
    public static final int DEFAULT_PORT = 2775;
    public static final int DEFAULT_RECEIPT_DELAY_MILLIS = 1000;

    /** The settings of this server's system properties. */
    public static SmppSandboxSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    /** The settings that {@code property} (name to value, null when unset) describes; bad numbers get defaults. */
    public static SmppSandboxSettings from(UnaryOperator<String> property) {
        boolean enabled = "true".equalsIgnoreCase(SandboxSettings.trimmed(property.apply(SandboxSettings.ENABLED)));
        int port = SandboxSettings.number(property, PORT, DEFAULT_PORT, 0, 65_535);
        int keep = SandboxSettings.number(
                property, SandboxSettings.KEEP, SandboxSettings.DEFAULT_KEEP, 1, Integer.MAX_VALUE);
        int delay = SandboxSettings.number(property, RECEIPT_DELAY, DEFAULT_RECEIPT_DELAY_MILLIS, 0, 3_600_000);
        return new SmppSandboxSettings(enabled, SandboxSettings.HOST, port, keep, Duration.ofMillis(delay));
    }
}

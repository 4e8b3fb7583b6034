package io.crosscast.delivery.sms;

import java.util.function.UnaryOperator;

/**
 * How long the SMPP client waits, from system properties (smpp.cli documents them), in milliseconds:
 * <ul>
 * <li>{@code crosscast.smpp.connectTimeout} (10,000): to open the TCP connection to the SMSC</li>
 * <li>{@code crosscast.smpp.responseTimeout} (10,000): for the answer to a bind or a submit_sm; a submission
 *     without an answer in time counts as a lost connection (tried again later), it never holds a thread</li>
 * <li>{@code crosscast.smpp.enquireLinkInterval} (30,000): between two enquire_link of an idle bind</li>
 * </ul>
 */
public record SmppTimeouts(int connectMillis, int responseMillis, int enquireLinkMillis) {

    public static final String CONNECT = "crosscast.smpp.connectTimeout";
    public static final String RESPONSE = "crosscast.smpp.responseTimeout";
    public static final String ENQUIRE_LINK = "crosscast.smpp.enquireLinkInterval";

    public static SmppTimeouts fromSystemProperties() {
        return from(System::getProperty);
    }

    /** The timeouts that {@code property} describes; missing or bad values get the defaults. */
    public static SmppTimeouts from(UnaryOperator<String> property) {
        return new SmppTimeouts(
                SmppSettings.number(property, CONNECT, 10_000, 100, 600_000),
                SmppSettings.number(property, RESPONSE, 10_000, 100, 600_000),
                SmppSettings.number(property, ENQUIRE_LINK, 30_000, 1_000, 3_600_000));
    }
}

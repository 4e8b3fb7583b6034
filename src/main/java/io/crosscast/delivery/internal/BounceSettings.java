package io.crosscast.delivery.internal;

import java.time.Duration;

/**
 * How bounces are read and when they quarantine an address, from system properties an administrator sets on the
 * server ({@code wildfly-config/mail.cli} adds the mailbox, {@code wildfly-config/sending.cli} these with their
 * defaults):
 * <ul>
 * <li>{@code crosscast.bounce.protocol}: {@code pop3} or {@code imap}, the incoming server of the mail session
 *     java:jboss/mail/Crosscast that holds the bounce mailbox; empty = no bounce mailbox (default empty)</li>
 * <li>{@code crosscast.bounce.intervalSeconds}: how often the mailbox is read (default 60)</li>
 * <li>{@code crosscast.bounce.hardThreshold}: hard bounces (5.x.x) of an address before it is quarantined
 *     (default 1)</li>
 * <li>{@code crosscast.bounce.softThreshold}: soft bounces (4.x.x, full mailbox) of an address within the soft
 *     period before it is quarantined, 0 = never (default 3)</li>
 * <li>{@code crosscast.bounce.softDays}: that period, in days (default 30)</li>
 * <li>{@code crosscast.bounce.asideFolder}: IMAP only, the folder messages that are no bounces are moved to
 *     (default {@code Not bounces}); with POP3 they stay in the mailbox</li>
 * </ul>
 */
public record BounceSettings(
        String protocol, Duration interval, int hardThreshold, int softThreshold, int softDays, String asideFolder) {

    public static BounceSettings fromSystemProperties() {
        String protocol =
                System.getProperty("crosscast.bounce.protocol", "").strip().toLowerCase(java.util.Locale.ROOT);
        return new BounceSettings(
                protocol,
                Duration.ofSeconds(Math.max(1, Long.getLong("crosscast.bounce.intervalSeconds", 60))),
                Math.max(1, Integer.getInteger("crosscast.bounce.hardThreshold", 1)),
                Math.max(0, Integer.getInteger("crosscast.bounce.softThreshold", 3)),
                Math.max(1, Integer.getInteger("crosscast.bounce.softDays", 30)),
                System.getProperty("crosscast.bounce.asideFolder", "Not bounces"));
    }

    /** Whether a bounce mailbox is configured. */
    public boolean enabled() {
        return protocol.equals("pop3")
                || protocol.equals("imap")
                || protocol.equals("pop3s")
                || protocol.equals("imaps");
    }
}

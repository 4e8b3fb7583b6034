package io.crosscast.tracking.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The classifier's rules, as data: thresholds in seconds and user-agent rules in their order, read from
 * {@value #RESOURCE} (documented there and in docs/TRACKING.md). Unknown or malformed entries fail the
 * reading: a rule that silently does nothing would count machines as people.
 *
 * @param honeypotWindow  clicks this close to a honeypot hit (same recipient and delivery) are a scanner's
 * @param allLinksWindow  every link clicked within this many seconds is a scanner
 * @param allLinksMinimum ... when the message has at least this many links
 * @param clickAfterSend  a click this soon after the send is a scanner's
 * @param openAfterSend   an open this soon after the send, and no person's click, is a privacy proxy's
 * @param reconsider      how long a PERSON verdict may still be corrected by later hits
 * @param agents          the user-agent rules, first match decides
 */
public record ActorRules(
        int honeypotWindow,
        int allLinksWindow,
        int allLinksMinimum,
        int clickAfterSend,
        int openAfterSend,
        int reconsider,
        List<AgentRule> agents) {

    /** The rules' resource, beside this class. */
    public static final String RESOURCE = "actor-rules.properties";

    private static final String AGENT = "agent.";

    public ActorRules {
        agents = List.copyOf(agents);
        for (int seconds : new int[] {honeypotWindow, allLinksWindow, clickAfterSend, openAfterSend, reconsider}) {
            if (seconds < 0 || seconds > 86_400) {
                throw new IllegalArgumentException("A threshold is 0 to 86400 seconds: " + seconds);
            }
        }
        if (allLinksMinimum < 2) {
            throw new IllegalArgumentException("allLinksMinimum is at least 2: one link clicked is no sign");
        }
    }

    /** The rules shipped with the application. */
    public static ActorRules standard() {
        try (InputStream in = ActorRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(in);
            return read(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rules from properties written as {@value #RESOURCE} is. */
    public static ActorRules read(Properties properties) {
        Map<Integer, AgentRule> agents = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(AGENT)) {
                int order;
                try {
                    order = Integer.parseInt(name.substring(AGENT.length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not a numbered rule: " + name);
                }
                agents.put(order, agent(name, properties.getProperty(name)));
            } else if (!List.of(
                            "honeypotWindow",
                            "allLinksWindow",
                            "allLinksMinimum",
                            "clickAfterSend",
                            "openAfterSend",
                            "reconsider")
                    .contains(name)) {
                throw new IllegalArgumentException("Unknown entry: " + name);
            }
        }
        return new ActorRules(
                number(properties, "honeypotWindow"),
                number(properties, "allLinksWindow"),
                number(properties, "allLinksMinimum"),
                number(properties, "clickAfterSend"),
                number(properties, "openAfterSend"),
                number(properties, "reconsider"),
                new ArrayList<>(agents.values()));
    }

    private static int number(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing entry: " + name);
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
    }

    /** {@code ACTOR, REASON, match, hits, text}. */
    private static AgentRule agent(String name, String value) {
        String[] parts = value.split(",", 5);
        if (parts.length != 5) {
            throw new IllegalArgumentException(name + ": ACTOR, REASON, match, hits, text expected: " + value);
        }
        try {
            Actor actor = Actor.valueOf(parts[0].strip());
            String reason = parts[1].strip();
            if (!reason.matches("[A-Z][A-Z0-9_]{0,39}")) {
                throw new IllegalArgumentException(name + ": a reason is a code such as SCANNER_AGENT: " + reason);
            }
            AgentRule.Match match = AgentRule.Match.valueOf(parts[2].strip().toUpperCase(Locale.ROOT));
            EnumSet<HitType> hits = switch (parts[3].strip().toLowerCase(Locale.ROOT)) {
                case "open" -> EnumSet.of(HitType.OPEN);
                case "click" -> EnumSet.of(HitType.CLICK);
                case "any" -> EnumSet.allOf(HitType.class);
                default -> throw new IllegalArgumentException(name + ": hits are open, click or any: " + parts[3]);
            };
            return new AgentRule(actor, reason, match, hits, parts[4].strip());
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(name)
                    ? e
                    : new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}

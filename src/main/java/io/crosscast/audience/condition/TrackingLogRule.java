package io.crosscast.audience.condition;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A test on a recipient's tracking logs (opens, clicks, unsubscriptions): "clicked a link labelled
 * {@code offer} of delivery 12 in the last 7 days", "opened nothing since 2026-01-01", "clicked at least 3
 * times". JSON form: {@code {"trackingLog": {"type": "click", "label": "offer", "delivery": 12,
 * "inLastDays": 7}}}.
 *
 * <p>The options, all optional, each narrowing the logs that count:
 * <ul>
 *   <li>{@value #TYPE}: {@code open}, {@code click}, {@code unsubscribe} or {@code any} (the default), in any
 *       case. {@code open} counts OPEN and CLICK logs, since a click implies an open even when images were
 *       blocked and no OPEN was logged;</li>
 *   <li>{@value #URL_CONTAINS}: the log's URL contains this text, ignoring case;</li>
 *   <li>{@value #LABEL}: the log's link label is exactly this text;</li>
 *   <li>{@value #DELIVERY}: a delivery id, or {@value #INCOMING} for the delivery of the incoming transition
 *       (see {@link CompileContext}); absent: any delivery;</li>
 *   <li>{@value #FROM}, {@value #TO}: logged on or after / on or before this day (yyyy-MM-dd, days cut in the
 *       compiler's zone); or {@value #IN_LAST_DAYS}: logged in the last N days (0 to 36500), up to now;</li>
 *   <li>{@value #ACTORS}: whose logs count: {@code people} (logs the classifier said a person made),
 *       {@code machines} (privacy proxies' and scanners'), or {@code all} (the default, and the meaning of
 *       conditions written before the option existed); new conditions of the condition builder say
 *       {@code people}. A log not classified yet counts for neither people nor machines;</li>
 *   <li>{@value #AT_LEAST}: how many matching logs the recipient must have, 1 (the default) to
 *       {@value #MAX_COUNT}; or {@value #NONE} {@code true}: the recipient has no matching log.</li>
 * </ul>
 *
 * <p>Like a {@link Rule}, it keeps the options as written (JSON numbers and {@code true}/{@code false} as
 * their text) and is checked by {@link ConditionValidator}, not here, so that a stored condition that no
 * longer validates can still be loaded and shown with its problems; unknown option names are kept for the
 * same reason, and refused by the validator.
 *
 * @param options option name to raw value (copied, in the order given; never null, no null key or value)
 */
public record TrackingLogRule(Map<String, String> options) implements Condition {

    /** Option: the kind of log, {@link LogType}. */
    public static final String TYPE = "type";
    /** Option: text the log's URL contains. */
    public static final String URL_CONTAINS = "urlContains";
    /** Option: the log's link label. */
    public static final String LABEL = "label";
    /** Option: a delivery id, or {@value #INCOMING}. */
    public static final String DELIVERY = "delivery";
    /** Option: first day, yyyy-MM-dd. */
    public static final String FROM = "from";
    /** Option: last day, yyyy-MM-dd. */
    public static final String TO = "to";
    /** Option: a number of days up to now. */
    public static final String IN_LAST_DAYS = "inLastDays";
    /** Option: whose logs count, {@link Actors}. */
    public static final String ACTORS = "actors";
    /** Option: the least number of matching logs. */
    public static final String AT_LEAST = "atLeast";
    /** Option: {@code true} for "no matching log". */
    public static final String NONE = "none";
    /** The options, in the order they are written. */
    public static final List<String> OPTIONS =
            List.of(TYPE, URL_CONTAINS, LABEL, DELIVERY, FROM, TO, IN_LAST_DAYS, ACTORS, AT_LEAST, NONE);
    /** The {@value #DELIVERY} that means the delivery of the incoming transition. */
    public static final String INCOMING = "incoming";
    /** The largest {@value #AT_LEAST}. */
    public static final int MAX_COUNT = 1_000_000;

    /** The kinds of log a tracking-log condition counts. */
    public enum LogType {
        /** Opens: OPEN and CLICK logs (a click implies an open). */
        OPEN(List.of("OPEN", "CLICK")),
        /** Clicks: CLICK logs. */
        CLICK(List.of("CLICK")),
        /** Unsubscriptions: UNSUBSCRIBE logs. */
        UNSUBSCRIBE(List.of("UNSUBSCRIBE")),
        /** Every log. */
        ANY(List.of());

        private final List<String> logTypes;

        LogType(List<String> logTypes) {
            this.logTypes = logTypes;
        }

        /** The values of {@code tracking_log.type} that count; empty for {@link #ANY} (no restriction). */
        public List<String> logTypes() {
            return logTypes;
        }

        /** The name used in JSON: {@code "click"}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type named {@code name}, in any case and surrounding white space, if any. */
        public static Optional<LogType> fromJsonName(String name) {
            if (name == null) {
                return Optional.empty();
            }
            String wanted = name.strip();
            for (LogType type : values()) {
                if (type.jsonName().equalsIgnoreCase(wanted)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /** Whose logs a tracking-log condition counts. */
    public enum Actors {
        /** Logs classified PERSON. */
        PEOPLE,
        /** Logs classified PRIVACY_PROXY or SCANNER. */
        MACHINES,
        /** Every log, classified or not. */
        ALL;

        /** The name used in JSON: {@code "people"}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The value named {@code name}, in any case and surrounding white space, if any. */
        public static Optional<Actors> fromJsonName(String name) {
            if (name == null) {
                return Optional.empty();
            }
            for (Actors actors : values()) {
                if (actors.jsonName().equalsIgnoreCase(name.strip())) {
                    return Optional.of(actors);
                }
            }
            return Optional.empty();
        }
    }

    /** Checks that nothing is null and freezes the options, keeping their order. */
    public TrackingLogRule {
        Objects.requireNonNull(options, "options");
        Map<String, String> copy = new LinkedHashMap<>();
        options.forEach((name, value) ->
                copy.put(Objects.requireNonNull(name, "option name"), Objects.requireNonNull(value, "option value")));
        options = Collections.unmodifiableMap(copy);
    }

    /** The raw value of an option, if given. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** Whether option {@value #DELIVERY} says {@value #INCOMING}. */
    @Override
    public boolean refersToIncomingDelivery() {
        return option(DELIVERY)
                .map(value -> value.strip().equalsIgnoreCase(INCOMING))
                .orElse(false);
    }

    /** Whether option {@value #ACTORS} says people or machines. */
    @Override
    public boolean readsActors() {
        return option(ACTORS)
                .flatMap(Actors::fromJsonName)
                .map(actors -> actors != Actors.ALL)
                .orElse(false);
    }

    /** Always: correlated subqueries on the recipient's id. */
    @Override
    public boolean readsOnlyRecipientId() {
        return true;
    }

    /** A builder of tracking-log conditions, options in the written order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TrackingLogRule}; each method sets one option. */
    public static final class Builder {

        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder() {}

        /** The kind of log. */
        public Builder type(LogType type) {
            return option(TYPE, type.jsonName());
        }

        /** Text the URL contains. */
        public Builder urlContains(String text) {
            return option(URL_CONTAINS, text);
        }

        /** The link label. */
        public Builder label(String label) {
            return option(LABEL, label);
        }

        /** A delivery. */
        public Builder delivery(long deliveryId) {
            return option(DELIVERY, Long.toString(deliveryId));
        }

        /** The delivery of the incoming transition. */
        public Builder incomingDelivery() {
            return option(DELIVERY, INCOMING);
        }

        /** The first day. */
        public Builder from(LocalDate day) {
            return option(FROM, day.toString());
        }

        /** The last day. */
        public Builder to(LocalDate day) {
            return option(TO, day.toString());
        }

        /** The last N days. */
        public Builder inLastDays(int days) {
            return option(IN_LAST_DAYS, Integer.toString(days));
        }

        /** Whose logs count. */
        public Builder actors(Actors actors) {
            return option(ACTORS, actors.jsonName());
        }

        /** At least N matching logs. */
        public Builder atLeast(int count) {
            return option(AT_LEAST, Integer.toString(count));
        }

        /** No matching log. */
        public Builder none() {
            return option(NONE, "true");
        }

        /** Any option, with its raw value. */
        public Builder option(String name, String value) {
            options.put(name, value);
            return this;
        }

        public TrackingLogRule build() {
            return new TrackingLogRule(options);
        }
    }
}

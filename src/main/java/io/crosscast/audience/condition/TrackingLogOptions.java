package io.crosscast.audience.condition;

import io.crosscast.audience.condition.TrackingLogRule.Actors;
import io.crosscast.audience.condition.TrackingLogRule.LogType;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The options of a {@link TrackingLogRule}, read: the validator reports what does not read, the compiler
 * reads options already validated.
 *
 * @param type        the kind of log ({@link LogType#ANY} when not given)
 * @param urlContains the text the URL contains, stripped, if given
 * @param label       the link label, stripped, if given
 * @param delivery    the delivery id, if one is given
 * @param incoming    whether the delivery is the incoming one
 * @param from        the first day, if given
 * @param to          the last day, if given
 * @param inLastDays  the number of days up to now, if given
 * @param actors      whose logs count ({@link Actors#ALL} when not given)
 * @param atLeast     the least number of matching logs (1 when not given)
 * @param none        whether the recipient must have no matching log
 */
record TrackingLogOptions(
        LogType type,
        Optional<String> urlContains,
        Optional<String> label,
        OptionalLong delivery,
        boolean incoming,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        OptionalInt inLastDays,
        Actors actors,
        int atLeast,
        boolean none) {

    /** How a rule is named in messages. */
    static final String NAME = "trackingLog";

    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

    /** Where reading reports a problem. */
    interface Problems {
        void add(ProblemCode code, String... arguments);
    }

    /** The options of a rule already validated. */
    static TrackingLogOptions of(TrackingLogRule rule) {
        return read(rule, (code, arguments) -> {
            throw new IllegalStateException("Tracking-log condition not validated: " + rule);
        });
    }

    /** Reads the options, reporting each that does not read (and then taking its default). */
    static TrackingLogOptions read(TrackingLogRule rule, Problems problems) {
        for (String name : rule.options().keySet()) {
            if (!TrackingLogRule.OPTIONS.contains(name)) {
                problems.add(ProblemCode.UNKNOWN_TRACKING_OPTION, name, String.join(", ", TrackingLogRule.OPTIONS));
            }
        }
        LogType type = rule.option(TrackingLogRule.TYPE)
                .map(raw -> LogType.fromJsonName(raw).orElseGet(() -> {
                    problems.add(ProblemCode.NOT_A_TRACKING_TYPE, raw);
                    return LogType.ANY;
                }))
                .orElse(LogType.ANY);
        Optional<String> urlContains = text(rule, TrackingLogRule.URL_CONTAINS, problems);
        Optional<String> label = text(rule, TrackingLogRule.LABEL, problems);

        OptionalLong delivery = OptionalLong.empty();
        boolean incoming = false;
        Optional<String> rawDelivery = rule.option(TrackingLogRule.DELIVERY);
        if (rawDelivery.isPresent()) {
            String raw = rawDelivery.get();
            if (raw.isBlank()) {
                problems.add(ProblemCode.EMPTY_TRACKING_OPTION, TrackingLogRule.DELIVERY);
            } else if (raw.strip().toLowerCase(Locale.ROOT).equals(TrackingLogRule.INCOMING)) {
                incoming = true;
            } else {
                delivery = RuleValues.deliveryId(raw);
                if (delivery.isEmpty()) {
                    problems.add(
                            RuleValues.isWholeNumber(raw)
                                    ? ProblemCode.DELIVERY_ID_NOT_POSITIVE
                                    : ProblemCode.NOT_A_DELIVERY_ID,
                            raw);
                }
            }
        }

        Optional<LocalDate> from = date(rule, TrackingLogRule.FROM, problems);
        Optional<LocalDate> to = date(rule, TrackingLogRule.TO, problems);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            problems.add(
                    ProblemCode.FROM_AFTER_TO, from.get().toString(), to.get().toString());
        }
        OptionalInt inLastDays = OptionalInt.empty();
        Optional<String> rawDays = rule.option(TrackingLogRule.IN_LAST_DAYS);
        if (rawDays.isPresent()) {
            inLastDays = RuleValues.days(rawDays.get());
            if (inLastDays.isEmpty()) {
                problems.add(ProblemCode.NOT_A_DAY_COUNT, rawDays.get(), String.valueOf(RuleValues.MAX_DAYS), NAME);
            }
            conflict(rule, TrackingLogRule.IN_LAST_DAYS, TrackingLogRule.FROM, problems);
            conflict(rule, TrackingLogRule.IN_LAST_DAYS, TrackingLogRule.TO, problems);
        }

        Actors actors = rule.option(TrackingLogRule.ACTORS)
                .map(raw -> Actors.fromJsonName(raw).orElseGet(() -> {
                    problems.add(ProblemCode.NOT_TRACKING_ACTORS, raw);
                    return Actors.ALL;
                }))
                .orElse(Actors.ALL);

        int atLeast = 1;
        Optional<String> rawCount = rule.option(TrackingLogRule.AT_LEAST);
        if (rawCount.isPresent()) {
            atLeast = count(rawCount.get()).orElseGet(() -> {
                problems.add(ProblemCode.NOT_A_LOG_COUNT, rawCount.get(), String.valueOf(TrackingLogRule.MAX_COUNT));
                return 1;
            });
        }
        boolean none = false;
        Optional<String> rawNone = rule.option(TrackingLogRule.NONE);
        if (rawNone.isPresent()) {
            String value = rawNone.get().strip();
            if (value.equals("true") || value.equals("false")) {
                none = value.equals("true");
            } else {
                problems.add(ProblemCode.NOT_TRUE_OR_FALSE, TrackingLogRule.NONE, rawNone.get());
            }
            if (none) {
                conflict(rule, TrackingLogRule.NONE, TrackingLogRule.AT_LEAST, problems);
            }
        }
        return new TrackingLogOptions(
                type, urlContains, label, delivery, incoming, from, to, inLastDays, actors, atLeast, none);
    }

    /** How the rule is named in a message: {@code trackingLog click}. */
    static String describe(TrackingLogRule rule) {
        return NAME + " "
                + rule.option(TrackingLogRule.TYPE)
                        .flatMap(LogType::fromJsonName)
                        .orElse(LogType.ANY)
                        .jsonName();
    }

    private static Optional<String> text(TrackingLogRule rule, String name, Problems problems) {
        Optional<String> raw = rule.option(name);
        if (raw.isPresent() && raw.get().isBlank()) {
            problems.add(ProblemCode.EMPTY_TRACKING_OPTION, name);
            return Optional.empty();
        }
        return raw.map(String::strip);
    }

    private static Optional<LocalDate> date(TrackingLogRule rule, String name, Problems problems) {
        Optional<String> raw = rule.option(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> date = RuleValues.date(raw.get());
        if (date.isEmpty()) {
            problems.add(ProblemCode.NOT_A_DATE, raw.get(), NAME + " " + name);
        }
        return date;
    }

    private static OptionalInt count(String raw) {
        String value = raw.strip();
        if (!COUNT.matcher(value).matches()) {
            return OptionalInt.empty();
        }
        int count = Integer.parseInt(value);
        return count >= 1 && count <= TrackingLogRule.MAX_COUNT ? OptionalInt.of(count) : OptionalInt.empty();
    }

    private static void conflict(TrackingLogRule rule, String option, String other, Problems problems) {
        if (rule.options().containsKey(other)) {
            problems.add(ProblemCode.CONFLICTING_TRACKING_OPTIONS, option, other);
        }
    }
}

package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityPhase;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Populations;
import io.crosscast.engine.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The plan and the decision of an A/B test of a delivery with a winner ({@link Types#AB_TEST}), plain Java: the
 * container's activity sends the deliveries and reads the tracking figures.
 *
 * <h2>Config</h2>
 * <ul>
 *   <li>{@code deliveries}: the variants, ids of deliveries of the campaign separated by commas, 2 to
 *       {@value #MAX_VARIANTS} ("12,13"); variant N is the N-th</li>
 *   <li>{@code samplePercent}: the share of the population each variant's sample gets (1 to 100 / number of
 *       variants), rounded down: every sample has the same size</li>
 *   <li>{@code wait}: how long the test lasts after the variants are sent, an ISO-8601 duration ({@code PT4H},
 *       {@code P1D}, {@code PT30S})</li>
 *   <li>{@code winner}: {@code opens} (recipients who opened or clicked), {@code clicks} (recipients who clicked)
 *       or {@code linkClicks} (recipients who clicked the link whose URL is setting {@code link})</li>
 *   <li>{@code peopleOnly} (default true): count the hits the classifier says a person made, not a privacy proxy's
 *       load nor a link scanner's check</li>
 *   <li>{@code seed} (optional whole number): the random samples' seed, by default derived from run and activity</li>
 *   <li>{@code winnerSending}: {@code automatic} (default: the winner goes to the rest as soon as it is chosen) or
 *       {@code confirmation} (the rule proposes the winner, a marketer confirms it or picks another variant, then
 *       it goes to the rest)</li>
 *   <li>{@code confirmationTimeout} (optional, with {@code confirmation} only): an ISO-8601 duration after the
 *       decision; when it passes unconfirmed, the proposed winner is sent. Without it the test waits for the
 *       confirmation as long as the run lasts</li>
 * </ul>
 *
 * <h2>Semantics</h2>
 * The samples are exact and exclusive: each holds {@code floor(total * samplePercent / 100)} recipients drawn at
 * random (seeded, reproducible) from those no earlier sample took; the rest is everyone else. Outputs "variant1"..
 * "variantN" (each sample, who got that variant) and "rest" (who got the winner). The winner is the variant with
 * the most recipients counted by the rule; a tie goes to the variant listed first.
 */
public final class AbTest {

    public static final int MAX_VARIANTS = 10;
    public static final String REST = "rest";

    /** What a variant's figure counts. */
    public enum Rule {
        OPENS("opens"),
        CLICKS("clicks"),
        LINK_CLICKS("linkClicks");

        private final String jsonName;

        Rule(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static Optional<Rule> of(String name) {
            for (Rule r : values()) {
                if (r.jsonName.equalsIgnoreCase(name.strip())) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /** How the winner goes to the rest: as soon as it is chosen, or once a marketer confirms it. */
    public enum WinnerSending {
        AUTOMATIC("automatic"),
        CONFIRMATION("confirmation");

        private final String jsonName;

        WinnerSending(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static Optional<WinnerSending> of(String name) {
            for (WinnerSending w : values()) {
                if (w.jsonName.equalsIgnoreCase(name.strip())) {
                    return Optional.of(w);
                }
            }
            return Optional.empty();
        }
    }

    /** An A/B test's settings, read from a valid definition. */
    public record Settings(
            List<Long> deliveries,
            int samplePercent,
            Duration duration,
            Rule rule,
            String link,
            boolean peopleOnly,
            WinnerSending winnerSending,
            Optional<Duration> confirmationTimeout) {

        public Settings {
            deliveries = List.copyOf(deliveries);
        }

        public Settings(
                List<Long> deliveries,
                int samplePercent,
                Duration duration,
                Rule rule,
                String link,
                boolean peopleOnly) {
            this(
                    deliveries,
                    samplePercent,
                    duration,
                    rule,
                    link,
                    peopleOnly,
                    WinnerSending.AUTOMATIC,
                    Optional.empty());
        }
    }

    /** The samples (variant N's is the N-1-th) and the rest: exclusive, their union is the input. */
    public record Samples(List<PopulationHandle> samples, PopulationHandle rest) {

        public Samples {
            samples = List.copyOf(samples);
        }
    }

    private AbTest() {}

    /** The variant deliveries' ids as written, empty when the setting is missing or malformed. */
    public static List<Long> deliveries(ActivityDefinition def) {
        List<Long> ids = new ArrayList<>();
        for (String part : def.config("deliveries").orElse("").split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return ids;
    }

    /** Outputs: "variant1".."variantN", "rest". */
    public static List<String> outputs(ActivityDefinition def) {
        List<String> outputs = new ArrayList<>();
        int n = Math.max(2, Math.min(MAX_VARIANTS, deliveries(def).size()));
        for (int i = 1; i <= n; i++) {
            outputs.add(variantOutput(i));
        }
        outputs.add(REST);
        return outputs;
    }

    public static String variantOutput(int variant) {
        return "variant" + variant;
    }

    /** The problems of the settings (not whether the deliveries exist: the container checks that). */
    public static List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        List<Long> ids = deliveries(def);
        if (def.config("deliveries").isEmpty()) {
            problems.add(Config.required("deliveries"));
        } else if (ids.size() < 2 || ids.size() > MAX_VARIANTS) {
            problems.add(Text.of(
                    "abTest.variants", MAX_VARIANTS, def.config("deliveries").get()));
        } else if (ids.stream().distinct().count() != ids.size()) {
            problems.add(Text.of("abTest.sameDelivery"));
        }
        int variants = Math.max(2, ids.size());
        if (def.config("samplePercent").isEmpty()) {
            problems.add(Config.required("samplePercent"));
        } else {
            Config.number(def, "samplePercent", 1, 100 / variants, problems);
        }
        Optional<String> wait = def.config("wait");
        if (wait.isEmpty()) {
            problems.add(Config.required("wait"));
        } else {
            try {
                if (Duration.parse(wait.get().strip()).isNegative()) {
                    problems.add(Text.of("abTest.badWait", wait.get()));
                }
            } catch (DateTimeParseException e) {
                problems.add(Text.of("abTest.badWait", wait.get()));
            }
        }
        Optional<String> winner = def.config("winner");
        if (winner.isEmpty()) {
            problems.add(Config.required("winner"));
        } else if (Rule.of(winner.get()).isEmpty()) {
            problems.add(Text.of("abTest.badWinner", winner.get()));
        } else if (Rule.of(winner.get()).get() == Rule.LINK_CLICKS
                && def.config("link").filter(s -> !s.isBlank()).isEmpty()) {
            problems.add(Config.required("link"));
        }
        Config.checkBool(def, "peopleOnly", problems);
        Config.number(def, "seed", Long.MIN_VALUE, Long.MAX_VALUE, problems);
        Optional<String> sending = def.config("winnerSending").filter(s -> !s.isBlank());
        if (sending.isPresent() && WinnerSending.of(sending.get()).isEmpty()) {
            problems.add(Text.of("abTest.badWinnerSending", sending.get()));
        }
        Optional<String> timeout = def.config("confirmationTimeout").filter(s -> !s.isBlank());
        if (timeout.isPresent()) {
            try {
                if (Duration.parse(timeout.get().strip()).isNegative()) {
                    problems.add(Text.of("abTest.badConfirmationTimeout", timeout.get()));
                }
            } catch (DateTimeParseException e) {
                problems.add(Text.of("abTest.badConfirmationTimeout", timeout.get()));
            }
        }
        return problems;
    }

    /** The settings of a valid definition. */
    public static Settings settings(ActivityDefinition def) {
        return new Settings(
                deliveries(def),
                Integer.parseInt(def.config("samplePercent").orElseThrow().strip()),
                Duration.parse(def.config("wait").orElseThrow().strip()),
                Rule.of(def.config("winner").orElseThrow()).orElseThrow(),
                def.config("link").map(String::strip).orElse(null),
                Config.bool(def, "peopleOnly", true),
                def.config("winnerSending")
                        .filter(s -> !s.isBlank())
                        .flatMap(WinnerSending::of)
                        .orElse(WinnerSending.AUTOMATIC),
                def.config("confirmationTimeout").filter(s -> !s.isBlank()).map(s -> Duration.parse(s.strip())));
    }

    /** The size of each variant's sample: {@code floor(total * percent / 100)}. */
    public static long sampleSize(long total, int percent) {
        return total * percent / 100;
    }

    /**
     * Draws the samples of {@code variants} variants, {@code size} recipients each, and the rest: sample N is
     * drawn at random (seed {@code seed + N}) among the recipients no earlier sample took, so they are exclusive
     * and exact (when the input holds at least {@code variants * size}).
     */
    public static Samples draw(Populations pops, PopulationHandle input, int variants, long size, long seed) {
        List<PopulationHandle> samples = new ArrayList<>();
        for (int n = 1; n <= variants; n++) {
            PopulationHandle left = samples.isEmpty() ? input : pops.exclusion(input, samples);
            samples.add(pops.sample(left, size, seed + n));
        }
        return new Samples(samples, pops.exclusion(input, samples));
    }

    /** The winner's index in {@code figures}: the largest figure; a tie goes to the first variant. */
    public static int winner(List<Long> figures) {
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("No variant");
        }
        int best = 0;
        for (int i = 1; i < figures.size(); i++) {
            if (figures.get(i) > figures.get(best)) {
                best = i;
            }
        }
        return best;
    }

    /** How the rule reads in a log line, e.g. "clicks (people only)". */
    public static Text describe(Settings settings) {
        String key = "abTest.rule." + settings.rule().jsonName().toLowerCase(Locale.ROOT)
                + (settings.peopleOnly() ? ".people" : "");
        return settings.rule() == Rule.LINK_CLICKS ? Text.of(key, settings.link()) : Text.of(key);
    }

    // ---- Winner sending on a marketer's confirmation ----------------------------------------------------------

    /** State: the deliveries the variants' samples got, in order, separated by commas. */
    public static final String SENT = "sent";
    /** State: the id of the winner's sending to the rest (empty when the rest was empty), once it started. */
    public static final String REST_SENDING = "winnerSending";
    /** State: the variant (1-based) the rule proposes, set when the test is decided. */
    public static final String PROPOSED = "winner";
    /** State: the figures of the variants by the rule, in order, separated by commas. */
    public static final String FIGURES = "figures";
    /** State: when the test began to wait for a marketer's confirmation (absent in automatic mode). */
    public static final String AWAITING = "confirmation.since";
    /** State: when the proposed winner is sent unconfirmed (absent without a timeout). */
    public static final String CONFIRMATION_DEADLINE = "confirmation.deadline";
    /** State: the variant a marketer confirmed (1-based), who, and when (set by the container via {@link #confirmed}). */
    public static final String CONFIRMED = "confirmation.variant";

    public static final String CONFIRMED_BY = "confirmation.by";
    public static final String CONFIRMED_AT = "confirmation.at";

    /** The wake-up of a confirmation wait without a timeout: never, in practice (as an External signal's). */
    public static final Instant NEVER = ExternalSignalActivity.NEVER;

    /** Why a confirmation is refused. */
    public enum Refusal {
        /** The test sends its winner automatically: nothing to confirm. */
        AUTOMATIC,
        /** The test is not decided yet (still running, or the variants still sending). */
        NOT_DECIDED,
        /** A winner was confirmed already (or sent after the timeout). */
        ALREADY_CONFIRMED,
        /** No such variant. */
        NO_SUCH_VARIANT
    }

    /** The state additions of a test decided with the rule's winner {@code proposed} (1-based) that now waits. */
    public static Map<String, String> awaitConfirmation(
            Settings settings, Map<String, String> state, int proposed, List<Long> figures, Instant now) {
        Map<String, String> next = new LinkedHashMap<>(state);
        next.put(PROPOSED, Integer.toString(proposed));
        next.put(FIGURES, String.join(",", figures.stream().map(String::valueOf).toList()));
        next.put(AWAITING, now.toString());
        settings.confirmationTimeout()
                .ifPresent(t -> next.put(CONFIRMATION_DEADLINE, now.plus(t).toString()));
        return next;
    }

    /** The deliveries the variants' samples got, in order, from a test's state (empty before they went). */
    public static List<Long> sentVariants(Map<String, String> state) {
        String sent = state.get(SENT);
        List<Long> ids = new ArrayList<>();
        if (sent != null) {
            for (String id : sent.split(",")) {
                if (!id.isBlank()) {
                    ids.add(Long.parseLong(id.strip()));
                }
            }
        }
        return ids;
    }

    /** Whether a test's state waits for a marketer's confirmation that has not come yet. */
    public static boolean awaitsConfirmation(Map<String, String> state) {
        return state.containsKey(AWAITING) && !state.containsKey(CONFIRMED);
    }

    /**
     * Why variant {@code variant} (1-based) of a test with {@code variants} variants, now in {@code phase} with
     * {@code state}, may not be confirmed; empty when it may.
     */
    public static Optional<Refusal> refusal(
            Settings settings, ActivityPhase phase, Map<String, String> state, int variants, int variant) {
        if (settings.winnerSending() != WinnerSending.CONFIRMATION) {
            return Optional.of(Refusal.AUTOMATIC);
        }
        if (variant < 1 || variant > variants) {
            return Optional.of(Refusal.NO_SUCH_VARIANT);
        }
        if (phase == ActivityPhase.DONE) {
            return Optional.of(Refusal.ALREADY_CONFIRMED); // the winner went to the rest
        }
        if (phase != ActivityPhase.WAITING || !state.containsKey(PROPOSED)) {
            return Optional.of(Refusal.NOT_DECIDED);
        }
        if (!awaitsConfirmation(state) || state.containsKey(REST_SENDING)) {
            return Optional.of(Refusal.ALREADY_CONFIRMED);
        }
        return Optional.empty();
    }

    /** The values handed to a waiting test when a marketer confirms {@code variant} (1-based). */
    public static Map<String, String> confirmed(int variant, String by, Instant at) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CONFIRMED, Integer.toString(variant));
        values.put(CONFIRMED_BY, by);
        values.put(CONFIRMED_AT, at.toString());
        return values;
    }

    /** What a test waiting for its confirmation does when it runs: wait on, or send a variant to the rest. */
    public sealed interface Step permits Wait, Send {}

    /** Wait until {@code until} (an early wake-up). */
    public record Wait(Instant until) implements Step {}

    /** Send {@code variant} (1-based) to the rest, logging {@code log}. */
    public record Send(int variant, Text log) implements Step {}

    /**
     * The step of a test waiting for a confirmation at {@code now}: the confirmed variant (logged with who, and
     * whether it overrides the rule), or the proposed one once the timeout passed, or wait on.
     */
    public static Step afterProposal(Map<String, String> state, Instant now) {
        int proposed = Integer.parseInt(state.get(PROPOSED));
        if (state.containsKey(CONFIRMED)) {
            int chosen = Integer.parseInt(state.get(CONFIRMED));
            String by = state.getOrDefault(CONFIRMED_BY, "");
            return new Send(
                    chosen,
                    chosen == proposed
                            ? Text.of("abTest.log.confirmedSending", chosen, by)
                            : Text.of("abTest.log.overriddenSending", chosen, by, proposed));
        }
        String deadline = state.get(CONFIRMATION_DEADLINE);
        if (deadline != null && !now.isBefore(Instant.parse(deadline))) {
            return new Send(proposed, Text.of("abTest.log.confirmationTimeout", proposed));
        }
        return new Wait(deadline == null ? NEVER : Instant.parse(deadline));
    }
}

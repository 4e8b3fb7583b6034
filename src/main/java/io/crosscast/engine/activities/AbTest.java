package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Populations;
import io.crosscast.engine.Text;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** An A/B test's settings, read from a valid definition. */
    public record Settings(
            List<Long> deliveries, int samplePercent, Duration duration, Rule rule, String link, boolean peopleOnly) {

        public Settings {
            deliveries = List.copyOf(deliveries);
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
                Config.bool(def, "peopleOnly", true));
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
}

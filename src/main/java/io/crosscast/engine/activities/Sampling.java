package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityException;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Populations;
import io.crosscast.engine.Text;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Limits of Split subsets and of Query: a count ("100") or a percentage ("10%", rounded down) of the recipients,
 * kept at random or the first ones by a recipient field. The order is written {@code random} (the default) or
 * {@code <field> asc|desc} (e.g. {@code createdAt desc}: the most recent). A random sample is reproducible: the
 * same seed keeps the same recipients; the seed is the setting {@code seed} when given, else derived from the run
 * and the activity ids, so a retry of the run samples the same recipients. Each limit writes what it kept, and
 * the seed, into the run log.
 */
public final class Sampling {

    /** The default order: a random sample. */
    public static final String RANDOM = "random";

    private static final Pattern ORDER =
            Pattern.compile("([A-Za-z][A-Za-z0-9]*)\\s+(asc|desc)", Pattern.CASE_INSENSITIVE);

    private Sampling() {}

    /** How the kept recipients are chosen: at random ({@code field} null) or the first by a field. */
    public record Order(String field, boolean descending) {

        static final Order RANDOM_ORDER = new Order(null, false);

        public boolean random() {
            return field == null;
        }

        /** The order written {@code text} (null or blank: random); an {@link ActivityException} when malformed. */
        public static Order parse(String text) {
            if (text == null || text.isBlank() || text.strip().equalsIgnoreCase(RANDOM)) {
                return RANDOM_ORDER;
            }
            Matcher m = ORDER.matcher(text.strip());
            if (!m.matches()) {
                throw new ActivityException(Text.of("sample.badOrder", text));
            }
            return new Order(m.group(1), m.group(2).equalsIgnoreCase("desc"));
        }
    }

    /** Adds the problems of a limit and its order (keys {@code limitKey}, {@code orderKey}) to {@code problems}. */
    static void validate(ActivityDefinition def, String limitKey, String orderKey, List<Text> problems) {
        def.config(limitKey).ifPresent(limit -> {
            try {
                SplitActivity.Limit.parse(limit);
            } catch (ActivityException e) {
                problems.add(Text.of("sample.badLimit", limitKey, e.text()));
            }
        });
        def.config(orderKey).ifPresent(order -> {
            try {
                Order.parse(order);
            } catch (ActivityException e) {
                problems.add(e.text());
            }
        });
    }

    /** The seed of an activity's random samples: its setting {@code seed}, else derived from run and activity. */
    static long seed(ActivityContext ctx) {
        return ctx.config("seed").map(String::strip).map(Long::parseLong).orElse((long)
                (ctx.runId() + "/" + ctx.activity().id()).hashCode());
    }

    /**
     * {@code population} cut by the limit {@code limitText} (null: kept whole) in the order {@code orderText},
     * a random sample drawn with {@code seed + draw} (the activity's seed, the number of the draw in it); writes what was kept into the run log, naming {@code what} (a
     * subset's label, "query").
     */
    static PopulationHandle apply(
            ActivityContext ctx,
            PopulationHandle population,
            String limitText,
            String orderText,
            long seed,
            int draw,
            String what) {
        if (limitText == null) {
            return population;
        }
        Populations pops = ctx.populations();
        long count = pops.count(population);
        long max = SplitActivity.Limit.parse(limitText).of(count);
        Order order = Order.parse(orderText);
        if (max >= count) {
            ctx.log(Text.of("sample.log.whole", what, count, limitText.strip()));
            return population;
        }
        if (order.random()) {
            PopulationHandle kept = pops.sample(population, max, seed + draw);
            ctx.log(Text.of("sample.log.random", what, max, count, Long.toString(seed)));
            return kept;
        }
        PopulationHandle kept = pops.first(population, max, order.field(), order.descending());
        ctx.log(Text.of("sample.log.first", what, max, count, order.field(), order.descending() ? "desc" : "asc"));
        return kept;
    }

    /** The limit's text when set. */
    static Optional<String> limit(ActivityDefinition def, String key) {
        return def.config(key).filter(s -> !s.isBlank());
    }
}

package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityException;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Populations;
import io.crosscast.engine.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits its input into subsets.
 *
 * <h2>Config (flat indexed keys)</h2>
 * <ul>
 *   <li>{@code subset.N.condition}: condition JSON (opaque) the recipients of subset N match; absent = everyone still
 *       available</li>
 *   <li>{@code subset.N.label}: free text (optional)</li>
 *   <li>{@code subset.N.limit}: optional cap, a count ("100") or a percentage of the recipients matching the subset
 *       ("10%", rounded down); the kept recipients are a random sample (seed {@code seed + N}, written in the run
 *       log)</li>
 *   <li>{@code subset.N.limitOrder}: {@code random} (default) or {@code <recipient field> asc|desc}: keep the
 *       first ones by that field instead ({@link Sampling})</li>
 *   <li>subsets are numbered 1, 2, 3... without gaps: N runs while some {@code subset.N.*} key exists; at least one</li>
 *   <li>{@code overlap} (default false), {@code complement} (default false), {@code seed} (optional whole number;
 *       default: derived from run id and activity id, so a re-run of the same run samples the same recipients)</li>
 * </ul>
 * Outputs "subset1".."subsetN", plus "complement" when enabled. Every subset fires, even empty. Conditions are
 * filtered with the input data, so they may refer to the incoming delivery ({@link io.crosscast.engine.DataKeys}).
 *
 * <h2>Semantics</h2>
 * Exclusive (overlap=false): subsets are evaluated in order against the recipients not yet claimed; subset N
 * CLAIMS everyone matching its condition, then its limit keeps a sample of them. Recipients cut by a limit do NOT fall
 * into later subsets (as in Adobe Campaign). Overlap (overlap=true): each subset filters the whole input
 * independently, then applies its limit. Complement = input minus the union of the emitted subsets, i.e. the
 * recipients in no subset, including those cut by a limit.
 */
public final class SplitActivity implements ActivityType {

    /** One subset of the config. */
    public record Subset(int index, String label, String condition, String limit, String limitOrder) {}

    @Override
    public String type() {
        return Types.SPLIT;
    }

    public static List<Subset> subsets(ActivityDefinition def) {
        List<Subset> subsets = new ArrayList<>();
        for (int n = 1; ; n++) {
            String prefix = "subset." + n + ".";
            boolean exists = def.config().keySet().stream().anyMatch(k -> k.startsWith(prefix));
            if (!exists) {
                return subsets;
            }
            subsets.add(new Subset(
                    n,
                    def.config(prefix + "label").orElse("Subset " + n),
                    def.config(prefix + "condition").orElse(null),
                    def.config(prefix + "limit").orElse(null),
                    def.config(prefix + "limitOrder").orElse(null)));
        }
    }

    @Override
    public List<String> outputs(ActivityDefinition def) {
        List<String> outputs = new ArrayList<>();
        for (Subset s : subsets(def)) {
            outputs.add("subset" + s.index());
        }
        if (Config.bool(def, "complement", false)) {
            outputs.add("complement");
        }
        return outputs;
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        List<Subset> subsets = subsets(def);
        if (subsets.isEmpty()) {
            problems.add(Text.of("split.noSubset"));
        }
        for (Subset s : subsets) {
            if (s.limit() != null) {
                try {
                    Limit.parse(s.limit());
                } catch (ActivityException e) {
                    problems.add(Text.of("split.badLimit", s.index(), e.text()));
                }
            }
            if (s.limitOrder() != null) {
                try {
                    Sampling.Order.parse(s.limitOrder());
                } catch (ActivityException e) {
                    problems.add(Text.of("split.badLimit", s.index(), e.text()));
                }
            }
        }
        long declared = def.config().keySet().stream()
                .filter(k -> k.startsWith("subset."))
                .count();
        long read = def.config().keySet().stream()
                .filter(k -> k.matches("subset\\.\\d+\\.(condition|label|limit|limitOrder)"))
                .filter(k -> isSubsetNumber(k.split("\\.")[1], subsets.size()))
                .count();
        if (declared != read) {
            problems.add(Text.of("split.badKeys"));
        }
        Config.checkBool(def, "overlap", problems);
        Config.checkBool(def, "complement", problems);
        Config.number(def, "seed", Long.MIN_VALUE, Long.MAX_VALUE, problems);
        return problems;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        ActivityDefinition def = ctx.activity();
        Populations pops = ctx.populations();
        boolean overlap = Config.bool(def, "overlap", false);
        long seed = Sampling.seed(ctx);
        PopulationHandle input = ctx.input();
        Map<String, PopulationHandle> outputs = new LinkedHashMap<>();
        List<PopulationHandle> emitted = new ArrayList<>();
        List<Subset> subsets = subsets(def);
        // Exclusive: each subset's condition among the recipients no earlier subset claimed, all in one go.
        List<PopulationHandle> exclusive = overlap
                ? List.of()
                : pops.partition(input, subsets.stream().map(Subset::condition).toList(), ctx.inputData());
        for (int i = 0; i < subsets.size(); i++) {
            Subset s = subsets.get(i);
            PopulationHandle matched;
            if (overlap) {
                matched = s.condition() == null ? input : pops.filter(input, s.condition(), ctx.inputData());
            } else {
                matched = exclusive.get(i);
            }
            PopulationHandle kept = Sampling.apply(ctx, matched, s.limit(), s.limitOrder(), seed, s.index(), s.label());
            outputs.put("subset" + s.index(), kept);
            emitted.add(kept);
        }
        if (Config.bool(def, "complement", false)) {
            outputs.put("complement", pops.exclusion(input, emitted));
        }
        return NextAction.done(outputs);
    }

    /** Whether {@code digits} (a subset's number in a key) is from 1 to {@code count}; false when huge. */
    private static boolean isSubsetNumber(String digits, int count) {
        return digits.length() <= 9 && Integer.parseInt(digits) <= count;
    }

    /** A subset limit: a count or a percentage. */
    record Limit(long count, Integer percent) {

        /** The limit written {@code text}; an {@link ActivityException} saying why when it is not one. */
        static Limit parse(String text) {
            String t = text.trim();
            try {
                if (t.endsWith("%")) {
                    int p = Integer.parseInt(t.substring(0, t.length() - 1).trim());
                    if (p < 0 || p > 100) {
                        throw new ActivityException(Text.of("split.limit.badPercent", t));
                    }
                    return new Limit(0, p);
                }
                long n = Long.parseLong(t);
                if (n < 0) {
                    throw new ActivityException(Text.of("split.limit.negative"));
                }
                return new Limit(n, null);
            } catch (NumberFormatException e) {
                throw new ActivityException(Text.of("split.limit.malformed", text));
            }
        }

        long of(long total) {
            return Optional.ofNullable(percent).map(p -> total * p / 100).orElse(count);
        }
    }
}

package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityException;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.EnrichmentValue;
import io.crosscast.engine.EnrichmentValue.Source;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds named values to each recipient of its population, for the activities after it ({@code enrichment.<name>} in
 * their conditions). Output "out" = the input population itself, shared unchanged (not copied).
 *
 * <h2>Config (flat indexed keys, N = 1, 2, 3... without gaps, at least one, at most {@value #MAX_VALUES})</h2>
 * <ul>
 *   <li>{@code value.N.name}: required, {@link EnrichmentValue#NAME}, unique in the activity</li>
 *   <li>{@code value.N.source}: required, one of {@link Source#jsonName()}: {@code clicks}, {@code opens},
 *       {@code lastClick}, {@code lastOpen}, {@code messagesSent}, {@code recipientField}</li>
 *   <li>{@code value.N.days}: for clicks, opens, messagesSent: 1 to {@value EnrichmentValue#MAX_DAYS}, default 30</li>
 *   <li>{@code value.N.actors}: for the tracking sources: {@code people} (default: logs classified as a person's) or
 *       {@code everyone}</li>
 *   <li>{@code value.N.field}: for recipientField, required: one of {@link EnrichmentValue#FIELDS}</li>
 * </ul>
 */
public final class EnrichmentActivity implements ActivityType {

    /** The most values one activity computes. */
    public static final int MAX_VALUES = 20;

    private static final Pattern KEY = Pattern.compile("value\\.([1-9][0-9]{0,2})\\.(name|source|days|actors|field)");

    @Override
    public String type() {
        return Types.ENRICHMENT;
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        values(def, problems);
        return problems;
    }

    /** The values of the config, in order; problems collected (the list is then incomplete). */
    public static List<EnrichmentValue> values(ActivityDefinition def, List<Text> problems) {
        int highest = 0;
        for (String key : def.config().keySet()) {
            Matcher m = KEY.matcher(key);
            if (!m.matches()) {
                problems.add(Text.of("enrichment.badKey", key));
                continue;
            }
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        if (highest == 0) {
            if (problems.isEmpty()) {
                problems.add(Text.of("enrichment.noValue"));
            }
            return List.of();
        }
        if (highest > MAX_VALUES) {
            problems.add(Text.of("enrichment.tooManyValues", MAX_VALUES));
            return List.of();
        }
        List<EnrichmentValue> values = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int n = 1; n <= highest; n++) {
            value(def, n, names, problems).ifPresent(values::add);
        }
        return values;
    }

    private static Optional<EnrichmentValue> value(
            ActivityDefinition def, int n, Set<String> names, List<Text> problems) {
        String prefix = "value." + n + ".";
        Optional<String> name = def.config(prefix + "name");
        Optional<String> sourceName = def.config(prefix + "source");
        int before = problems.size();
        if (name.isEmpty()) {
            problems.add(Text.of("config.required", prefix + "name"));
        } else if (!EnrichmentValue.NAME.matcher(name.get()).matches()) {
            problems.add(Text.of("enrichment.badName", n, name.get()));
        } else if (!names.add(name.get())) {
            problems.add(Text.of("enrichment.duplicateName", n, name.get()));
        }
        Optional<Source> source = sourceName.flatMap(Source::fromJsonName);
        if (sourceName.isEmpty()) {
            problems.add(Text.of("config.required", prefix + "source"));
        } else if (source.isEmpty()) {
            problems.add(Text.of("enrichment.badSource", n, sourceName.get()));
        }
        if (source.isEmpty()) {
            return Optional.empty();
        }
        int days = 0;
        if (source.get().windowed()) {
            days = Config.number(def, prefix + "days", 1, EnrichmentValue.MAX_DAYS, problems)
                    .map(Long::intValue)
                    .orElse(30);
        } else if (def.config(prefix + "days").isPresent()) {
            problems.add(
                    Text.of("enrichment.notFor", prefix + "days", source.get().jsonName()));
        }
        boolean peopleOnly = true;
        Optional<String> actors = def.config(prefix + "actors");
        if (actors.isPresent()) {
            if (!source.get().tracking()) {
                problems.add(Text.of(
                        "enrichment.notFor", prefix + "actors", source.get().jsonName()));
            } else if (actors.get().equals("everyone")) {
                peopleOnly = false;
            } else if (!actors.get().equals("people")) {
                problems.add(Text.of("enrichment.badActors", n, actors.get()));
            }
        }
        Optional<String> field = def.config(prefix + "field");
        if (source.get() == Source.RECIPIENT_FIELD) {
            if (field.isEmpty()) {
                problems.add(Text.of("config.required", prefix + "field"));
            } else if (!EnrichmentValue.FIELDS.contains(field.get())) {
                problems.add(Text.of("enrichment.badField", n, field.get(), String.join(", ", EnrichmentValue.FIELDS)));
            }
        } else if (field.isPresent()) {
            problems.add(
                    Text.of("enrichment.notFor", prefix + "field", source.get().jsonName()));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new EnrichmentValue(
                name.get(), source.get(), days, source.get().tracking() && peopleOnly, field.orElse(null)));
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        List<Text> problems = new ArrayList<>();
        List<EnrichmentValue> values = values(ctx.activity(), problems);
        if (!problems.isEmpty()) {
            throw new ActivityException(problems.get(0));
        }
        PopulationHandle input = ctx.input();
        long written = ctx.populations().enrich(input, values, ctx.now());
        ctx.log(Text.of("enrichment.log.count", values.size(), ctx.populations().count(input), written));
        return NextAction.done("out", input);
    }
}

package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Targets recipients: output "out" = {@code query(condition)}. Config "condition" (required): condition JSON, opaque
 * to the core. The input population is IGNORED (the transition only triggers the query); to narrow a population use a
 * Split. Several inputs are allowed and it runs as soon as one fires (OR), so a loop through a Wait can re-run it.
 * The condition is queried with the input data, so it may refer to the incoming delivery
 * ({@link io.crosscast.engine.DataKeys}). Optional {@code limit} ("100" or "10%"), {@code limitOrder} ({@code random}
 * by default, or {@code <recipient field> asc|desc}) and {@code seed}: keep only some of the recipients found
 * ({@link Sampling}).
 */
public final class QueryActivity implements ActivityType {

    @Override
    public String type() {
        return Types.QUERY;
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        Config.required(def, "condition", problems);
        Sampling.validate(def, "limit", "limitOrder", problems);
        Config.number(def, "seed", Long.MIN_VALUE, Long.MAX_VALUE, problems);
        return problems;
    }

    @Override
    public int maxInputs() {
        return UNBOUNDED;
    }

    @Override
    public boolean waitsForAllInputs() {
        return false;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        PopulationHandle result =
                ctx.populations().query(ctx.config("condition").orElseThrow(), ctx.inputData());
        ctx.log(Text.of("query.log.count", ctx.populations().count(result)));
        PopulationHandle kept = Sampling.apply(
                ctx,
                result,
                Sampling.limit(ctx.activity(), "limit").orElse(null),
                ctx.config("limitOrder").orElse(null),
                Sampling.seed(ctx),
                0,
                "query");
        return NextAction.done("out", kept);
    }
}

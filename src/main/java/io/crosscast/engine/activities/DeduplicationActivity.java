package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** "out" = the input with one recipient per value of config "key" (required): email or mobilePhone. */
public final class DeduplicationActivity implements ActivityType {

    static final Set<String> KEYS = Set.of("email", "mobilePhone");

    @Override
    public String type() {
        return Types.DEDUPLICATION;
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        def.config("key")
                .ifPresentOrElse(
                        k -> {
                            if (!KEYS.contains(k)) {
                                problems.add(Text.of("deduplication.badKey", k));
                            }
                        },
                        () -> problems.add(Config.required("key")));
        return problems;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        return NextAction.done(
                "out",
                ctx.populations().deduplicate(ctx.input(), ctx.config("key").orElseThrow()));
    }
}

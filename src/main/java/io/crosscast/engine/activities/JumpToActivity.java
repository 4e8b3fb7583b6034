package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Jump (to): the landing of the Jump (from) activities whose "target" is its "name". Its inputs are the jumps that
 * land on it and any arrows drawn to it (at least one in all); it runs as soon as one brings a population (OR) and
 * emits it on "out", unchanged (the same handle when one came, their union when several came at once).
 */
public final class JumpToActivity implements ActivityType {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Override
    public String type() {
        return Types.JUMP_TO;
    }

    @Override
    public Optional<String> landingName(ActivityDefinition def) {
        return def.config("name");
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
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        Config.required(def, "name", problems);
        def.config("name").ifPresent(name -> checkName("name", name, problems));
        return problems;
    }

    /** Jump and signal names: letters, digits, '_', '-', '.' (at most 64), as they go into URLs and ids. */
    static void checkName(String key, String name, List<Text> problems) {
        if (!NAME.matcher(name).matches()) {
            problems.add(Text.of("jump.badName", key, name));
        }
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        return NextAction.done("out", ctx.input());
    }
}

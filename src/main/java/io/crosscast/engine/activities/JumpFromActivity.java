package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.Jumps;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jump (from): sends its population, unchanged (the same handle), to the Jump (to) named by "target", without an
 * arrow drawn (see {@link io.crosscast.engine.Jumps}). Any number of incoming transitions, each one run as it comes
 * (OR). Guard against endless loops: "maxPasses" (1..100000, default {@value #DEFAULT_MAX_PASSES}) passes per run;
 * the pass count is kept in the activity's state (stored with the run, so it survives a restart of the server).
 * One pass more: "onLimit" = "fail" (default) fails the run with a message saying so; "stop" ends the population
 * there (the jump fires nothing, the run goes on elsewhere or finishes).
 */
public final class JumpFromActivity implements ActivityType {

    public static final int DEFAULT_MAX_PASSES = 100;
    /** State key: the passes made so far in this run. */
    public static final String PASSES = "passes";

    @Override
    public String type() {
        return Types.JUMP_FROM;
    }

    @Override
    public List<String> outputs(ActivityDefinition def) {
        return List.of(Jumps.OUTPUT);
    }

    @Override
    public Optional<String> jumpTarget(ActivityDefinition def) {
        return def.config("target");
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
        Config.required(def, "target", problems);
        def.config("target").ifPresent(name -> JumpToActivity.checkName("target", name, problems));
        Config.number(def, "maxPasses", 1, 100_000, problems);
        def.config("onLimit").ifPresent(v -> {
            if (!v.equals("fail") && !v.equals("stop")) {
                problems.add(Text.of("jump.badOnLimit", v));
            }
        });
        return problems;
    }

    static long maxPasses(ActivityDefinition def) {
        return def.config("maxPasses").map(Long::parseLong).orElse((long) DEFAULT_MAX_PASSES);
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        ActivityDefinition def = ctx.activity();
        long passes = Long.parseLong(ctx.state().getOrDefault(PASSES, "0")) + 1;
        long max = maxPasses(def);
        String target = def.config("target").orElse("");
        if (passes > max) {
            if (def.config("onLimit").orElse("fail").equals("stop")) {
                ctx.log(Text.of("jump.log.stopped", max, target));
                return new NextAction.Done(Map.of(), Map.of(), Map.of(PASSES, Long.toString(max)));
            }
            return NextAction.failed(Text.of("jump.limit", def.id(), max, target));
        }
        ctx.log(Text.of("jump.log.pass", passes, max, target));
        return new NextAction.Done(Map.of(Jumps.OUTPUT, ctx.input()), Map.of(), Map.of(PASSES, Long.toString(passes)));
    }
}

package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes the whole input population to output "true" or "false" by its count; the other output fires nothing, so its
 * branch is skipped. Config, one of: "min" (a whole number: true when count &gt;= min) or "expression" of the form
 * {@code count OP N} with OP in {@code > >= < <= == !=} (e.g. "count>0"). Neither: "count&gt;0".
 */
public final class TestActivity implements ActivityType {

    private static final Pattern EXPRESSION = Pattern.compile("\\s*count\\s*(>=|<=|==|!=|>|<)\\s*(\\d+)\\s*");

    @Override
    public String type() {
        return Types.TEST;
    }

    @Override
    public List<String> outputs(ActivityDefinition def) {
        return List.of("true", "false");
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        if (def.config("min").isPresent() && def.config("expression").isPresent()) {
            problems.add(Text.of("test.minAndExpression"));
        }
        Config.number(def, "min", 0, Long.MAX_VALUE, problems);
        def.config("expression").ifPresent(e -> {
            Matcher m = EXPRESSION.matcher(e);
            if (!m.matches() || !isLong(m.group(2))) {
                problems.add(Text.of("test.badExpression", e));
            }
        });
        return problems;
    }

    private static boolean isLong(String digits) {
        try {
            Long.parseLong(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether a population of this size goes to "true". */
    public static boolean test(ActivityDefinition def, long count) {
        Optional<String> min = def.config("min");
        if (min.isPresent()) {
            return count >= Long.parseLong(min.get());
        }
        Matcher m = EXPRESSION.matcher(def.config("expression").orElse("count>0"));
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid test expression");
        }
        long n = Long.parseLong(m.group(2));
        return switch (m.group(1)) {
            case ">" -> count > n;
            case ">=" -> count >= n;
            case "<" -> count < n;
            case "<=" -> count <= n;
            case "==" -> count == n;
            default -> count != n;
        };
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        long count = ctx.populations().count(ctx.input());
        boolean result = test(ctx.activity(), count);
        ctx.log(Text.of(result ? "test.log.true" : "test.log.false", count));
        return NextAction.done(result ? "true" : "false", ctx.input());
    }
}

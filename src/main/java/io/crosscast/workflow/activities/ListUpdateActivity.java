package io.crosscast.workflow.activities;

import io.crosscast.audience.RecipientSet;
import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.Text;
import io.crosscast.engine.activities.Types;
import io.crosscast.list.ListService;
import io.crosscast.list.MembershipChange;
import io.crosscast.list.MembershipResult;
import io.crosscast.list.RecipientList;
import io.crosscast.workflow.internal.SqlPopulations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * List update: puts the incoming population into a recipient list, set-based. Config: {@code list} (its
 * name; the list is created if missing), {@code mode} ({@code add}, the default; {@code replace}: the list
 * holds exactly the population; {@code remove}: the population leaves the list), {@code outbound}
 * ({@code true}: the population goes on through output "out").
 */
@ApplicationScoped
public class ListUpdateActivity extends OutboundActivity {

    static final Set<String> MODES = Set.of("add", "replace", "remove");

    @EJB
    private ListService lists;

    @Override
    public String type() {
        return Types.LIST_UPDATE;
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        String list = def.config("list").orElse("");
        if (list.isBlank()) {
            problems.add(Text.of("listUpdate.required"));
        } else if (list.strip().length() > 200) {
            problems.add(Text.of("listUpdate.tooLong", 200));
        }
        String mode = def.config("mode").orElse("add");
        if (!MODES.contains(mode)) {
            problems.add(Text.of("listUpdate.badMode", mode));
        }
        checkOutbound(def, problems);
        return problems;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        if (ctx.simulated()) {
            // a simulation writes no list: it says what would change
            ctx.log(Text.of(
                    "listUpdate.log.simulated",
                    ctx.config("list").orElseThrow().strip(),
                    mode(ctx.config("mode").orElse("add")),
                    ctx.populations().count(ctx.input())));
            return isOutbound(ctx.activity()) ? NextAction.done("out", ctx.input()) : NextAction.done();
        }
        RecipientList list = lists.findOrCreate(ctx.config("list").orElseThrow().strip());
        String mode = ctx.config("mode").orElse("add");
        RecipientSet population = SqlPopulations.members(ctx.input());
        MembershipResult result =
                lists.changeMembers(list.getId(), population, MembershipChange.valueOf(mode.toUpperCase(Locale.ROOT)));
        ctx.log(Text.of("listUpdate.log.changed", list.getName(), mode(mode), result.changed(), result.members()));
        return isOutbound(ctx.activity())
                ? NextAction.done("out", ctx.input()) // passed on unchanged: shared, not copied
                : NextAction.done();
    }

    /** A mode as the run log says it ("add", "replace", "remove"). */
    static Text mode(String mode) {
        return Text.of("listUpdate.mode." + mode);
    }
}

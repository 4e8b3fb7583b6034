package io.crosscast.web.condition;

import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.ConditionProblem;
import io.crosscast.audience.condition.FieldType;
import io.crosscast.audience.condition.Group;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.audience.condition.Logic;
import io.crosscast.audience.condition.RecipientField;
import io.crosscast.web.Messages;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The state behind the condition-builder form (WEB-INF/includes/condition-builder.xhtml): a top-level
 * AND/OR of rules and of groups of rules, and the live count of recipients that match. The page that
 * owns it supplies the counting function (usually its service's count).
 */
public class ConditionBuilder implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Counts the recipients of a condition; serializable because the builder lives in view-scoped beans. */
    public interface Counter extends Function<Condition, Long>, Serializable {
    }

    private final Counter counter;
    private Logic logic = Logic.AND;
    private final List<RuleRow> rules = new ArrayList<>();
    private final List<GroupRow> groups = new ArrayList<>();
    private Long count;
    private List<String> problems = List.of();

    public ConditionBuilder(Counter counter) {
        this.counter = counter;
    }

    public Condition toCondition() {
        List<Condition> children = new ArrayList<>();
        rules.forEach(r -> children.add(r.toRule()));
        groups.forEach(g -> children.add(g.toGroup()));
        return new Group(logic, children);
    }

    public boolean isEmpty() {
        return rules.isEmpty() && groups.isEmpty();
    }

    /** Recounts; a condition that cannot be compiled shows its problems instead of a count. */
    public void refresh() {
        try {
            count = counter.apply(toCondition());
            problems = List.of();
        } catch (InvalidConditionException e) {
            count = null;
            problems = e.problems().stream().map(ConditionBuilder::describe).toList();
        }
    }

    /** A problem in the viewer's language where the bundle has its code, else in English. */
    private static String describe(ConditionProblem problem) {
        return Messages.textOr("problem." + problem.code().name(), problem.message(), problem.arguments().toArray());
    }

    public void fieldChanged(RuleRow rule) {
        rule.fieldChanged();
        refresh();
    }

    public void addRule() {
        rules.add(new RuleRow());
        refresh();
    }

    public void addGroup() {
        GroupRow group = new GroupRow();
        group.addRule();
        groups.add(group);
        refresh();
    }

    public void removeRule(RuleRow rule) {
        rules.remove(rule);
        groups.forEach(g -> g.removeRule(rule));
        groups.removeIf(g -> g.getRules().isEmpty());
        refresh();
    }

    public void removeGroup(GroupRow group) {
        groups.remove(group);
        refresh();
    }

    public void addRuleTo(GroupRow group) {
        group.addRule();
        refresh();
    }

    public void clear() {
        rules.clear();
        groups.clear();
        refresh();
    }

    /** The fields the form offers; not yet the delivery behaviour (it needs a delivery chooser). */
    public List<String> getFields() {
        return Arrays.stream(RecipientField.values()).filter(f -> f.type() != FieldType.BEHAVIOUR)
                .map(RecipientField::publicName).toList();
    }

    public Logic[] getLogics() {
        return Logic.values();
    }

    public Logic getLogic() {
        return logic;
    }

    public void setLogic(Logic logic) {
        this.logic = logic;
    }

    public List<RuleRow> getRules() {
        return rules;
    }

    public List<GroupRow> getGroups() {
        return groups;
    }

    public Long getCount() {
        return count;
    }

    public List<String> getProblems() {
        return problems;
    }
}

package io.crosscast.web.condition;

import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.Group;
import io.crosscast.audience.condition.Logic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A group of rows joined by AND or OR, as the condition builder edits it: rules, tracking-log rules and
 * groups, in order, at any depth.
 */
public final class GroupRow extends ConditionRow {

    private static final long serialVersionUID = 1L;

    private Logic logic = Logic.AND;
    private final List<ConditionRow> children = new ArrayList<>();

    /** A row showing {@code group} and, below it, its children. */
    static GroupRow of(Group group) {
        GroupRow row = new GroupRow();
        row.logic = group.logic();
        group.children().forEach(child -> row.children.add(ConditionRow.of(child)));
        return row;
    }

    /** The group as the compiler reads it, children in the order shown. */
    Group toGroup() {
        return new Group(logic, children.stream().map(ConditionRow::toCondition).toList());
    }

    @Override
    public Condition toCondition() {
        return toGroup();
    }

    @Override
    public String getKind() {
        return "group";
    }

    /** Adds a new rule at the end. */
    RuleRow addRule() {
        return add(new RuleRow());
    }

    /** Adds a new tracking-log rule at the end. */
    TrackingLogRow addTrackingLog() {
        return add(new TrackingLogRow());
    }

    /** Adds a new group, holding one new rule, at the end. */
    GroupRow addGroup() {
        GroupRow group = new GroupRow();
        group.addRule();
        return add(group);
    }

    <R extends ConditionRow> R add(R row) {
        children.add(row);
        return row;
    }

    /**
     * Removes {@code row} wherever it is below this group; a group it leaves empty goes too (and so on up,
     * this group excepted). Returns whether it was found.
     */
    boolean remove(ConditionRow row) {
        if (children.remove(row)) {
            return true;
        }
        for (ConditionRow child : children) {
            if (child instanceof GroupRow group && group.remove(row)) {
                if (group.children.isEmpty()) {
                    children.remove(group);
                }
                return true;
            }
        }
        return false;
    }

    public Logic getLogic() {
        return logic;
    }

    public void setLogic(Logic logic) {
        this.logic = logic == null ? Logic.AND : logic;
    }

    /** The rows of the group, in order (read-only: change them through the builder). */
    public List<ConditionRow> getChildren() {
        return Collections.unmodifiableList(children);
    }

    /** Whether the group has no row. */
    public boolean isEmpty() {
        return children.isEmpty();
    }
}

package io.crosscast.web.condition;

import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.Group;
import io.crosscast.audience.condition.Rule;
import io.crosscast.audience.condition.TrackingLogRule;
import java.io.Serializable;
import java.util.UUID;

/**
 * One row of the condition builder: a rule on a field ({@link RuleRow}), a tracking-log rule
 * ({@link TrackingLogRow}) or a group of rows ({@link GroupRow}).
 */
public abstract sealed class ConditionRow implements Serializable permits RuleRow, TrackingLogRow, GroupRow {

    private static final long serialVersionUID = 1L;

    private final String id = UUID.randomUUID().toString();

    /** The row as a condition. */
    public abstract Condition toCondition();

    /** What the row is, for the page: {@code rule}, {@code trackingLog} or {@code group}. */
    public abstract String getKind();

    /** The row for a condition loaded into the builder (groups with their rows, at any depth). */
    static ConditionRow of(Condition condition) {
        if (condition instanceof Rule rule) {
            return RuleRow.of(rule);
        }
        if (condition instanceof TrackingLogRule tracking) {
            return TrackingLogRow.of(tracking);
        }
        return GroupRow.of((Group) condition);
    }

    public String getId() {
        return id;
    }
}

package io.crosscast.workflow;

import io.crosscast.audience.condition.ConditionProblem;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.engine.Text;
import io.crosscast.engine.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The problems of a workflow as {@link Text}s of the engine's bundle: each activity's problem prefixed with the
 * activity's id ("query1: 'condition' is required"), and with the setting for a condition ("query1 (condition):
 * Unknown field 'x'"); a page replaces the id with the activity's label ({@link #relabel}).
 */
public final class WorkflowProblems {

    /** "{0}: {1}": activity id, problem. */
    static final String OF_ACTIVITY = "workflow.problem.activity";
    /** "{0} ({1}): {2}": activity id, setting, problem. */
    static final String OF_SETTING = "workflow.problem.setting";
    /** "({0}): {1}": setting, problem (in the activity's own dialog). */
    static final String OF_SETTING_ALONE = "workflow.problem.settingAlone";

    private WorkflowProblems() {}

    /** A problem of the validator: prefixed with its activity, if it has one. */
    static Text of(ValidationProblem problem) {
        return problem.activityId() == null
                ? problem.text()
                : Text.of(OF_ACTIVITY, problem.activityId(), problem.text());
    }

    /** A problem of the condition in setting {@code key} of an activity ({@code activityId} null: its own dialog). */
    static Text ofSetting(String activityId, String key, Text problem) {
        return activityId == null
                ? Text.of(OF_SETTING_ALONE, key, problem)
                : Text.of(OF_SETTING, activityId, key, problem);
    }

    /** A problem of a condition, worded by the engine's bundle ({@code condition.<code>}, the same arguments). */
    public static Text of(ConditionProblem problem) {
        return Text.of("condition." + problem.code().name(), problem.arguments().toArray());
    }

    /** Every problem of an invalid condition, one after the other. */
    public static Text of(InvalidConditionException e) {
        List<Text> texts = new ArrayList<>();
        e.problems().forEach(p -> texts.add(of(p)));
        return texts.isEmpty() ? Text.verbatim(e.getMessage()) : Text.join(texts);
    }

    /**
     * The problem with the activity's id replaced by what {@code label} makes of it (its label on the diagram); other
     * problems as they are.
     */
    public static Text relabel(Text problem, UnaryOperator<String> label) {
        if ((OF_ACTIVITY.equals(problem.key()) || OF_SETTING.equals(problem.key()))
                && !problem.args().isEmpty()
                && problem.args().get(0) instanceof String id) {
            List<Object> args = new ArrayList<>(problem.args());
            args.set(0, label.apply(id));
            return new Text(problem.key(), args);
        }
        return problem;
    }
}

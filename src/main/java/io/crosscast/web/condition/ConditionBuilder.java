package io.crosscast.web.condition;

import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.ConditionProblem;
import io.crosscast.audience.condition.ConditionValidator;
import io.crosscast.audience.condition.EnrichmentRules;
import io.crosscast.audience.condition.Group;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.audience.condition.Logic;
import io.crosscast.audience.condition.ProblemCode;
import io.crosscast.audience.condition.RecipientField;
import io.crosscast.audience.condition.TrackingLogRule;
import io.crosscast.web.Messages;
import io.crosscast.web.ProblemTexts;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The state behind the condition-builder form (WEB-INF/includes/condition-builder.xhtml): a top-level
 * AND/OR of rows (rules, tracking-log rules, groups of rows at any depth), and the live count of recipients
 * that match. The page that owns it supplies the counting function (usually its service's count).
 *
 * <p>A stored condition is shown with {@link #load(Condition)}; {@link #condition()} gives it back equal
 * while it is not edited (rows keep what they were loaded from), and as the form shows it once edited.
 *
 * <p>Behaviour rules and tracking-log rules may name the delivery of the incoming transition only where
 * the builder allows it ({@link #setIncomingDeliveryAllowed}: workflow activities after a delivery); such a
 * condition has no count outside a running workflow, so the builder says so instead of counting.
 */
public class ConditionBuilder implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Counts the recipients of a condition; serializable because the builder lives in view-scoped beans. */
    public interface Counter extends Function<Condition, Long>, Serializable {}

    /** Words a problem for the viewer. */
    public interface Wording extends Function<ConditionProblem, String>, Serializable {}

    private final Counter counter;
    private Wording wording = ConditionBuilder::viewerWording;
    private boolean incomingDeliveryAllowed;
    private List<EnrichmentField> enrichmentFields = List.of();
    private GroupRow root = new GroupRow();
    /** The loaded condition was one rule, not a group: give it back so while the root holds just it. */
    private boolean bare;

    private Long count;
    private boolean countDeferred;
    private List<String> problems = List.of();

    /** A builder where conditions must name their deliveries (no incoming delivery). */
    public ConditionBuilder(Counter counter) {
        this(counter, false);
    }

    /**
     * @param counter                 counts the recipients of a condition
     * @param incomingDeliveryAllowed whether rules may use the delivery of the incoming transition
     */
    public ConditionBuilder(Counter counter, boolean incomingDeliveryAllowed) {
        this.counter = counter;
        this.incomingDeliveryAllowed = incomingDeliveryAllowed;
    }

    /**
     * The condition the form shows: a group (an empty AND group when there is no row), or the single rule
     * that was loaded while it stays alone at the top of an AND.
     */
    public Condition condition() {
        Group group = root.toGroup();
        if (bare
                && group.logic() == Logic.AND
                && group.children().size() == 1
                && !(group.children().get(0) instanceof Group)) {
            return group.children().get(0);
        }
        return group;
    }

    /** The same as {@link #condition()}. */
    public Condition toCondition() {
        return condition();
    }

    /**
     * Shows {@code condition} in the form, replacing what it showed, and recounts: a group becomes the top
     * level, anything else the only row of an AND. Null clears the form. Invalid conditions load too, and
     * show their problems.
     */
    public void load(Condition condition) {
        if (condition instanceof Group group) {
            root = GroupRow.of(group);
            bare = false;
        } else {
            root = new GroupRow();
            if (condition != null) {
                root.add(ConditionRow.of(condition));
            }
            bare = condition != null;
        }
        refresh();
    }

    public boolean isEmpty() {
        return root.isEmpty();
    }

    /**
     * Recounts; a condition that cannot be compiled shows its problems instead of a count, and one that
     * uses the incoming delivery a note (it is counted when the workflow runs), or, where that is not
     * allowed, the problem.
     */
    public void refresh() {
        Condition condition = condition();
        count = null;
        countDeferred = false;
        problems = List.of();
        if (condition.refersToIncomingDelivery() || (incomingDeliveryAllowed && usesEnrichment(condition))) {
            // Also a workflow's rule on an enrichment value: it has values only in a run.
            List<ConditionProblem> found = new ArrayList<>(ConditionValidator.validate(condition));
            if (found.isEmpty() && !incomingDeliveryAllowed) {
                found.add(new ConditionProblem(
                        ProblemCode.NO_INCOMING_DELIVERY, List.of(RecipientField.DELIVERY.publicName()), List.of()));
            }
            problems = word(found);
            countDeferred = found.isEmpty();
            return;
        }
        try {
            count = counter.apply(condition);
        } catch (InvalidConditionException e) {
            problems = word(e.problems());
        }
    }

    /** Whether a rule of the condition is on an enrichment value ({@code enrichment.<name>}). */
    static boolean usesEnrichment(Condition condition) {
        if (condition instanceof Group group) {
            return group.children().stream().anyMatch(ConditionBuilder::usesEnrichment);
        }
        return condition instanceof io.crosscast.audience.condition.Rule rule
                && rule.field().startsWith(EnrichmentRules.PREFIX);
    }

    private List<String> word(List<ConditionProblem> found) {
        return found.stream().map(wording).distinct().toList();
    }

    /** A problem in the viewer's language where the bundle has its code, else in English. */
    private static String viewerWording(ConditionProblem problem) {
        if (FacesContext.getCurrentInstance() == null) {
            return problem.message();
        }
        return ProblemTexts.condition(problem, Messages.bundle());
    }

    /** Shows each problem of a refused condition in the viewer's language (globally). */
    public static void show(InvalidConditionException e) {
        show(null, e);
    }

    /** Shows each problem of a refused condition in the viewer's language, beside {@code clientId}. */
    public static void show(String clientId, InvalidConditionException e) {
        e.problems().stream()
                .map(ConditionBuilder::viewerWording)
                .distinct()
                .forEach(text -> Messages.error(clientId, text));
    }

    public void fieldChanged(RuleRow rule) {
        rule.setEnrichmentKind(enrichmentKind(rule.getField()));
        rule.fieldChanged();
        refresh();
    }

    /** Adds a rule at the top level. */
    public void addRule() {
        addRuleTo(root);
    }

    /** Adds a group, with one rule, at the top level. */
    public void addGroup() {
        addGroupTo(root);
    }

    /** Adds a tracking-log rule at the top level. */
    public void addTrackingLog() {
        addTrackingLogTo(root);
    }

    public void addRuleTo(GroupRow group) {
        group.addRule();
        refresh();
    }

    /** Adds a group, with one rule, to {@code group} (ignored past {@link ConditionValidator#MAX_DEPTH} levels). */
    public void addGroupTo(GroupRow group) {
        if (group == root || levelOf(group) < ConditionValidator.MAX_DEPTH) {
            group.addGroup();
        }
        refresh();
    }

    public void addTrackingLogTo(GroupRow group) {
        group.addTrackingLog();
        refresh();
    }

    /** Removes a row wherever it is; a group it leaves empty goes too. */
    public void remove(ConditionRow row) {
        root.remove(row);
        refresh();
    }

    public void removeRule(ConditionRow rule) {
        remove(rule);
    }

    public void removeGroup(GroupRow group) {
        remove(group);
    }

    public void clear() {
        root = new GroupRow();
        bare = false;
        refresh();
    }

    /**
     * The rows as the page shows them, top to bottom: each group is a {@code group} line (its logic), the
     * lines of its rows one level deeper, then a {@code groupEnd} line (its buttons) at that level. The
     * top level has neither: the builder's head and buttons stand for them.
     */
    public List<Line> getLines() {
        List<Line> lines = new ArrayList<>();
        addLines(root, 0, lines);
        for (Line line : lines) {
            if (line.getRule() != null) {
                line.getRule().setEnrichmentKind(enrichmentKind(line.getRule().getField()));
            }
        }
        return lines;
    }

    private static void addLines(GroupRow group, int depth, List<Line> lines) {
        for (ConditionRow row : group.getChildren()) {
            if (row instanceof GroupRow child) {
                lines.add(new Line("group", depth, child, child));
                addLines(child, depth + 1, lines);
                lines.add(new Line("groupEnd", depth + 1, child, child));
            } else {
                lines.add(new Line(row.getKind(), depth, row, group));
            }
        }
    }

    /** The level of a group: the top level is 1, its groups 2... ; 0 when not in this builder. */
    private int levelOf(GroupRow group) {
        return levelOf(root, group, 1);
    }

    private static int levelOf(GroupRow current, GroupRow wanted, int level) {
        if (current == wanted) {
            return level;
        }
        for (ConditionRow row : current.getChildren()) {
            if (row instanceof GroupRow child) {
                int found = levelOf(child, wanted, level + 1);
                if (found > 0) {
                    return found;
                }
            }
        }
        return 0;
    }

    /**
     * The fields the form offers, the delivery behaviour included, then the values of the Enrichment activities
     * upstream ({@link #setEnrichmentFields}) and any other enrichment value the condition already uses (a loaded
     * rule keeps its field).
     */
    public List<String> getFields() {
        List<String> fields = new ArrayList<>(Arrays.stream(RecipientField.values())
                .map(RecipientField::publicName)
                .toList());
        enrichmentFields.forEach(f -> fields.add(f.field()));
        List<String> used = new ArrayList<>();
        collectEnrichmentFields(root, used);
        used.stream().filter(f -> !fields.contains(f)).forEach(fields::add);
        return fields;
    }

    private static void collectEnrichmentFields(GroupRow group, List<String> found) {
        for (ConditionRow row : group.getChildren()) {
            if (row instanceof GroupRow child) {
                collectEnrichmentFields(child, found);
            } else if (row instanceof RuleRow rule && rule.isEnrichment() && !found.contains(rule.getField())) {
                found.add(rule.getField());
            }
        }
    }

    /**
     * A field's label in the viewer's language: the recipient field's, or "Enrichment: clicks" for
     * {@code enrichment.clicks}.
     */
    public String fieldLabel(String field) {
        return fieldLabel(field, Messages.bundle());
    }

    /** As {@link #fieldLabel(String)}, from {@code bundle}. */
    static String fieldLabel(String field, ResourceBundle bundle) {
        if (field.startsWith(EnrichmentRules.PREFIX)) {
            String name = field.substring(EnrichmentRules.PREFIX.length());
            return Messages.textOr(bundle, "condition.enrichmentField", "enrichment." + name, name);
        }
        return Messages.textOr(bundle, "field." + field, field);
    }

    /** The values the Enrichment activities upstream of the edited activity add (none outside a workflow). */
    public List<EnrichmentField> getEnrichmentFields() {
        return enrichmentFields;
    }

    public void setEnrichmentFields(List<EnrichmentField> enrichmentFields) {
        this.enrichmentFields = List.copyOf(enrichmentFields);
    }

    /** The kind of the enrichment value {@code field} names, if offered; null otherwise. */
    private EnrichmentField.Kind enrichmentKind(String field) {
        return enrichmentFields.stream()
                .filter(f -> f.field().equals(field))
                .map(EnrichmentField::kind)
                .findFirst()
                .orElse(null);
    }

    /**
     * The value of the "incoming delivery" option of a tracking-log rule's delivery menu, when it is offered:
     * where the builder allows it, or when the row already uses it (a loaded condition). Empty otherwise.
     */
    public List<String> incomingOption(TrackingLogRow row) {
        return incomingDeliveryAllowed || row.isIncoming() ? List.of(TrackingLogRule.INCOMING) : List.of();
    }

    public Logic[] getLogics() {
        return Logic.values();
    }

    public Logic getLogic() {
        return root.getLogic();
    }

    public void setLogic(Logic logic) {
        root.setLogic(logic);
    }

    /** The top level: its logic and rows. */
    public GroupRow getRoot() {
        return root;
    }

    /** Whether rules may use the delivery of the incoming transition (workflow activities). */
    public boolean isIncomingDeliveryAllowed() {
        return incomingDeliveryAllowed;
    }

    public void setIncomingDeliveryAllowed(boolean incomingDeliveryAllowed) {
        this.incomingDeliveryAllowed = incomingDeliveryAllowed;
    }

    /** The number of matching recipients, or null when it could not be counted. */
    public Long getCount() {
        return count;
    }

    /** Whether the condition is valid but uses the incoming delivery, so is counted only in a running workflow. */
    public boolean isCountDeferred() {
        return countDeferred;
    }

    /** What is wrong with the condition, worded for the viewer; empty when it is valid. */
    public List<String> getProblems() {
        return problems;
    }

    /** How problems are worded (tests word them in English without a Faces context). */
    void setWording(Wording wording) {
        this.wording = wording;
    }

    /** One line of the form: a row, or the head or end of a group. */
    public static final class Line implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String kind;
        private final int depth;
        private final ConditionRow row;
        private final GroupRow group;

        Line(String kind, int depth, ConditionRow row, GroupRow group) {
            this.kind = kind;
            this.depth = depth;
            this.row = row;
            this.group = group;
        }

        /** {@code rule}, {@code trackingLog}, {@code group} (head of a group) or {@code groupEnd}. */
        public String getKind() {
            return kind;
        }

        /** How many groups the line is in, the top level not counted. */
        public int getDepth() {
            return depth;
        }

        /** The row: the group itself for {@code group} and {@code groupEnd} lines. */
        public ConditionRow getRow() {
            return row;
        }

        /** The rule of a {@code rule} line, else null. */
        public RuleRow getRule() {
            return row instanceof RuleRow rule ? rule : null;
        }

        /** The tracking-log rule of a {@code trackingLog} line, else null. */
        public TrackingLogRow getTrackingLog() {
            return row instanceof TrackingLogRow tracking ? tracking : null;
        }

        /** The group the line heads or ends, or the group of its row. */
        public GroupRow getGroup() {
            return group;
        }

        /** For a {@code groupEnd} line: whether a group may be added in the group (depth limit). */
        public boolean isSubgroupAllowed() {
            return depth + 2 <= ConditionValidator.MAX_DEPTH;
        }
    }
}

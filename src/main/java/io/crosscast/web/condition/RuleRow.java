package io.crosscast.web.condition;

import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.EnrichmentRules;
import io.crosscast.audience.condition.FieldType;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.RecipientField;
import io.crosscast.audience.condition.Rule;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * One rule of the condition builder as the form edits it: field, operator and up to two values. For the
 * delivery behaviour ({@code delivery opened 12}) the value is a delivery id, or none for the delivery of
 * the incoming transition.
 */
public final class RuleRow extends ConditionRow {

    private static final long serialVersionUID = 1L;

    /** What the form edits, to tell whether a loaded rule was changed. */
    private record State(String field, Operator operator, String value, String secondValue) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private String field = RecipientField.STATUS.publicName();
    private Operator operator = Operator.EQUALS;
    private String value;
    private String secondValue;
    /** The rule this row was loaded from, given back as it was while the row is unchanged. */
    private Rule loaded;

    private State loadedState;
    /** For a field {@code enrichment.<name>}: the kind of its value (set by the builder), else null. */
    private EnrichmentField.Kind enrichmentKind;

    /** A row showing {@code rule}; {@link #toRule()} gives it back unchanged until the row is edited. */
    static RuleRow of(Rule rule) {
        RuleRow row = new RuleRow();
        row.field = rule.field();
        row.operator = rule.operator();
        List<String> values = rule.values();
        switch (rule.operator().arity()) {
            case NONE -> {
                // no value to show
            }
            case ONE_OR_MORE -> row.value = String.join(", ", values);
            default -> {
                row.value = values.isEmpty() ? null : values.get(0);
                row.secondValue = values.size() < 2 ? null : values.get(1);
            }
        }
        row.loaded = rule;
        row.loadedState = row.state();
        return row;
    }

    /**
     * The rule as the compiler reads it: the loaded rule itself while the row is unchanged, else the rule
     * the form shows ({@link #build()}).
     */
    Rule toRule() {
        return loaded != null && state().equals(loadedState) ? loaded : build();
    }

    @Override
    public Condition toCondition() {
        return toRule();
    }

    /**
     * The rule the form shows: values trimmed, values of "in" lists split on commas, no value for a
     * delivery behaviour without a delivery (the incoming delivery).
     */
    Rule build() {
        List<String> values = switch (operator.arity()) {
            case NONE -> List.of();
            case ONE -> List.of(nullToEmpty(value));
            case TWO -> List.of(nullToEmpty(value), nullToEmpty(secondValue));
            case ONE_OR_MORE ->
                Arrays.stream(nullToEmpty(value).split(","))
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .toList();
            case AT_MOST_ONE -> nullToEmpty(value).isEmpty() ? List.of() : List.of(nullToEmpty(value));
        };
        return new Rule(field, operator, values);
    }

    private State state() {
        return new State(field, operator, value, secondValue);
    }

    @Override
    public String getKind() {
        return "rule";
    }

    /** After another field is chosen, keep the operator if it still applies, else take the field's first one. */
    public void fieldChanged() {
        if (isEnrichment()) {
            List<Operator> operators = getOperators();
            if (!operators.contains(operator)) {
                operator = operators.get(0);
            }
        } else if (!type().allows(operator)) {
            operator = type().operators().iterator().next();
        }
        value = null;
        secondValue = null;
    }

    public FieldType type() {
        return RecipientField.fromPublicName(field).map(RecipientField::type).orElse(FieldType.TEXT);
    }

    /**
     * The operators of the field's type, for the menu; for the delivery behaviour, the "people only" ones
     * come before those that count every hit (machines included), so a new condition is about people first.
     */
    public List<Operator> getOperators() {
        if (isEnrichment()) {
            return (enrichmentKind == null ? EnrichmentField.Kind.TEXT : enrichmentKind).operators();
        }
        List<Operator> operators = new java.util.ArrayList<>(type().operators());
        if (type() == FieldType.BEHAVIOUR) {
            operators.sort(java.util.Comparator.comparingInt(o -> o.peopleOnly() ? 0 : 1));
            operators.sort(java.util.Comparator.comparingInt(o -> o == Operator.SENT || o == Operator.FAILED ? 0 : 1));
        }
        return List.copyOf(operators);
    }

    /**
     * The bundle key of an operator's label: an enrichment count's comparisons read as numbers ("is at least"),
     * the others as the recipient fields' ({@code operator.<json name>}).
     */
    public String operatorKey(Operator o) {
        boolean comparison = o == Operator.LESS_THAN
                || o == Operator.LESS_OR_EQUAL
                || o == Operator.GREATER_THAN
                || o == Operator.GREATER_OR_EQUAL;
        return isEnrichment() && enrichmentKind == EnrichmentField.Kind.NUMBER && comparison
                ? "operator.number." + o.jsonName()
                : "operator." + o.jsonName();
    }

    /** Which editor the value needs: none, text, number, date, choice, list, delivery. */
    public String getValueKind() {
        if (operator.arity() == Operator.Arity.NONE) {
            return "none";
        }
        if (operator == Operator.IN_LAST_DAYS || operator == Operator.NOT_IN_LAST_DAYS) {
            return "number";
        }
        if (isEnrichment()) {
            return enrichmentKind == EnrichmentField.Kind.NUMBER ? "count" : "text";
        }
        return switch (type()) {
            case DATE, TIMESTAMP -> "date";
            case ENUM -> operator.arity() == Operator.Arity.ONE ? "choice" : "text";
            case LIST -> "list";
            case BEHAVIOUR -> "delivery";
            default -> "text";
        };
    }

    /** Whether the field is an Enrichment activity's value, {@code enrichment.<name>}. */
    public boolean isEnrichment() {
        return field != null && field.startsWith(EnrichmentRules.PREFIX);
    }

    /** The kind of the enrichment value the field names (null: unknown, operators of a text). */
    void setEnrichmentKind(EnrichmentField.Kind kind) {
        this.enrichmentKind = kind;
    }

    /** A delivery behaviour without a delivery: it means the delivery of the incoming transition. */
    public boolean isIncoming() {
        return type() == FieldType.BEHAVIOUR && nullToEmpty(value).isEmpty();
    }

    public boolean isTwoValues() {
        return operator.arity() == Operator.Arity.TWO;
    }

    public List<String> getChoices() {
        return RecipientField.fromPublicName(field)
                .map(RecipientField::allowedValues)
                .orElse(List.of());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.trim();
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public Operator getOperator() {
        return operator;
    }

    public void setOperator(Operator operator) {
        this.operator = operator;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getSecondValue() {
        return secondValue;
    }

    public void setSecondValue(String secondValue) {
        this.secondValue = secondValue;
    }
}

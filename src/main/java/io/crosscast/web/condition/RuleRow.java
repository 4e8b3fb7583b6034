package io.crosscast.web.condition;

import io.crosscast.audience.condition.FieldType;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.RecipientField;
import io.crosscast.audience.condition.Rule;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One rule of the condition builder as the form edits it: field, operator and up to two values. */
public class RuleRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id = UUID.randomUUID().toString();
    private String field = RecipientField.STATUS.publicName();
    private Operator operator = Operator.EQUALS;
    private String value;
    private String secondValue;

    /** The rule as the compiler reads it; values of "in" lists are split on commas. */
    Rule toRule() {
        List<String> values = switch (operator.arity()) {
            case NONE -> List.of();
            case ONE -> List.of(nullToEmpty(value));
            case TWO -> List.of(nullToEmpty(value), nullToEmpty(secondValue));
            case ONE_OR_MORE -> Arrays.stream(nullToEmpty(value).split(",")).map(String::trim)
                    .filter(v -> !v.isEmpty()).toList();
            case AT_MOST_ONE -> nullToEmpty(value).isEmpty() ? List.of() : List.of(nullToEmpty(value));
        };
        return new Rule(field, operator, values);
    }

    /** After another field is chosen, keep the operator if it still applies, else take the field's first one. */
    public void fieldChanged() {
        if (!type().allows(operator)) {
            operator = type().operators().iterator().next();
        }
        value = null;
        secondValue = null;
    }

    public FieldType type() {
        return RecipientField.fromPublicName(field).map(RecipientField::type).orElse(FieldType.TEXT);
    }

    public List<Operator> getOperators() {
        return List.copyOf(type().operators());
    }

    /** Which editor the value needs: none, text, number, date, choice, list. */
    public String getValueKind() {
        if (operator.arity() == Operator.Arity.NONE) {
            return "none";
        }
        if (operator == Operator.IN_LAST_DAYS || operator == Operator.NOT_IN_LAST_DAYS) {
            return "number";
        }
        return switch (type()) {
            case DATE, TIMESTAMP -> "date";
            case ENUM -> operator.arity() == Operator.Arity.ONE ? "choice" : "text";
            case LIST -> "list";
            default -> "text";
        };
    }

    public boolean isTwoValues() {
        return operator.arity() == Operator.Arity.TWO;
    }

    public List<String> getChoices() {
        return RecipientField.fromPublicName(field).map(RecipientField::allowedValues).orElse(List.of());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.trim();
    }

    public String getId() {
        return id;
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

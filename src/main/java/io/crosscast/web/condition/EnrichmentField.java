package io.crosscast.web.condition;

import io.crosscast.audience.condition.EnrichmentRules;
import io.crosscast.audience.condition.Operator;
import java.io.Serializable;
import java.util.List;

/**
 * A value an Enrichment activity upstream of the edited one adds, offered by the condition builder as the field
 * {@code enrichment.<name>} with the operators its kind of value supports (those {@link EnrichmentRules} compiles).
 *
 * @param name its name in the Enrichment activity
 * @param kind a number (counts), a date (last open or click) or a text (a copied recipient field)
 */
public record EnrichmentField(String name, Kind kind) implements Serializable {

    /** The kinds of enrichment values, each with its operators, the first the default. */
    public enum Kind {
        NUMBER(List.of(
                Operator.GREATER_OR_EQUAL,
                Operator.GREATER_THAN,
                Operator.LESS_THAN,
                Operator.LESS_OR_EQUAL,
                Operator.EQUALS,
                Operator.NOT_EQUALS,
                Operator.IS_EMPTY,
                Operator.IS_NOT_EMPTY)),
        DATE(List.of(Operator.IN_LAST_DAYS, Operator.NOT_IN_LAST_DAYS, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
        TEXT(List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY));

        private final List<Operator> operators;

        Kind(List<Operator> operators) {
            this.operators = operators;
        }

        public List<Operator> operators() {
            return operators;
        }
    }

    /** The rule's field, {@code enrichment.<name>}. */
    public String field() {
        return EnrichmentRules.PREFIX + name;
    }
}

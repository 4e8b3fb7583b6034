package io.crosscast.audience.condition;

import static io.crosscast.audience.condition.Operator.BETWEEN;
import static io.crosscast.audience.condition.Operator.CLICKED;
import static io.crosscast.audience.condition.Operator.CONTAINS;
import static io.crosscast.audience.condition.Operator.DID_NOT_CLICK;
import static io.crosscast.audience.condition.Operator.EQUALS;
import static io.crosscast.audience.condition.Operator.FAILED;
import static io.crosscast.audience.condition.Operator.GREATER_OR_EQUAL;
import static io.crosscast.audience.condition.Operator.GREATER_THAN;
import static io.crosscast.audience.condition.Operator.IN;
import static io.crosscast.audience.condition.Operator.IN_LAST_DAYS;
import static io.crosscast.audience.condition.Operator.IS_EMPTY;
import static io.crosscast.audience.condition.Operator.IS_FALSE;
import static io.crosscast.audience.condition.Operator.IS_NOT_EMPTY;
import static io.crosscast.audience.condition.Operator.IS_TRUE;
import static io.crosscast.audience.condition.Operator.LESS_OR_EQUAL;
import static io.crosscast.audience.condition.Operator.LESS_THAN;
import static io.crosscast.audience.condition.Operator.MEMBER_OF_LIST;
import static io.crosscast.audience.condition.Operator.NEITHER_OPENED_NOR_CLICKED;
import static io.crosscast.audience.condition.Operator.NOT_CONTAINS;
import static io.crosscast.audience.condition.Operator.NOT_EQUALS;
import static io.crosscast.audience.condition.Operator.NOT_IN;
import static io.crosscast.audience.condition.Operator.NOT_IN_LAST_DAYS;
import static io.crosscast.audience.condition.Operator.NOT_MEMBER_OF_LIST;
import static io.crosscast.audience.condition.Operator.OPENED;
import static io.crosscast.audience.condition.Operator.OPENED_OR_CLICKED;
import static io.crosscast.audience.condition.Operator.SENT;
import static io.crosscast.audience.condition.Operator.STARTS_WITH;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kind of a {@link RecipientField}: it decides which operators apply and how values are read.
 */
public enum FieldType {

    /** Free text; comparisons are case-sensitive unless the field normalises case, searches are not. */
    TEXT(
            "a text",
            EnumSet.of(EQUALS, NOT_EQUALS, CONTAINS, NOT_CONTAINS, STARTS_WITH, IS_EMPTY, IS_NOT_EMPTY, IN, NOT_IN)),
    /** One of a fixed set of values ({@link RecipientField#allowedValues()}). */
    ENUM("a choice", EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, IS_EMPTY, IS_NOT_EMPTY)),
    /** A calendar date; values are written yyyy-MM-dd. */
    DATE(
            "a date",
            EnumSet.of(
                    EQUALS,
                    NOT_EQUALS,
                    LESS_THAN,
                    LESS_OR_EQUAL,
                    GREATER_THAN,
                    GREATER_OR_EQUAL,
                    BETWEEN,
                    IS_EMPTY,
                    IS_NOT_EMPTY,
                    IN_LAST_DAYS,
                    NOT_IN_LAST_DAYS)),
    /** An instant; values are days written yyyy-MM-dd, each meaning the whole day in the compiler's zone. */
    TIMESTAMP(
            "a date and time",
            EnumSet.of(
                    EQUALS,
                    NOT_EQUALS,
                    LESS_THAN,
                    LESS_OR_EQUAL,
                    GREATER_THAN,
                    GREATER_OR_EQUAL,
                    BETWEEN,
                    IS_EMPTY,
                    IS_NOT_EMPTY,
                    IN_LAST_DAYS,
                    NOT_IN_LAST_DAYS)),
    /** A yes/no flag. */
    BOOLEAN("a yes/no flag", EnumSet.of(IS_TRUE, IS_FALSE)),
    /** Membership of a recipient list; the value is the list's id. */
    LIST("a list membership", EnumSet.of(MEMBER_OF_LIST, NOT_MEMBER_OF_LIST)),
    /**
     * What a recipient did with a delivery (sent, opened, clicked...), read from the send ledger
     * {@code delivery_message} and the {@code tracking_log}; the value is the delivery's id, or none for
     * the delivery of the incoming transition.
     */
    BEHAVIOUR(
            "a delivery's recipients",
            EnumSet.of(
                    SENT,
                    FAILED,
                    OPENED,
                    CLICKED,
                    OPENED_OR_CLICKED,
                    NEITHER_OPENED_NOR_CLICKED,
                    DID_NOT_CLICK,
                    Operator.OPENED_PEOPLE_ONLY,
                    Operator.CLICKED_PEOPLE_ONLY,
                    Operator.OPENED_OR_CLICKED_PEOPLE_ONLY,
                    Operator.NEITHER_OPENED_NOR_CLICKED_PEOPLE_ONLY,
                    Operator.DID_NOT_CLICK_PEOPLE_ONLY));

    private final String description;
    private final Set<Operator> operators;

    FieldType(String description, Set<Operator> operators) {
        this.description = description;
        this.operators = Collections.unmodifiableSet(operators);
    }

    /** What a value of this type is, in a marketer's words: "a date". */
    public String description() {
        return description;
    }

    /** The operators that apply to fields of this type, in declaration order. */
    public Set<Operator> operators() {
        return operators;
    }

    /** Whether {@code operator} applies to fields of this type. */
    public boolean allows(Operator operator) {
        return operators.contains(operator);
    }
}

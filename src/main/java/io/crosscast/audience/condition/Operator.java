package io.crosscast.audience.condition;

import java.util.Locale;
import java.util.Optional;

/**
 * The tests a {@link Rule} can apply. Which ones a field accepts depends on its
 * {@link FieldType} ({@link FieldType#operators()}); how many values each takes is its {@link #arity()}.
 */
public enum Operator {

    /** Equal to the value. */
    EQUALS(Arity.ONE),
    /** Different from the value, or empty. */
    NOT_EQUALS(Arity.ONE),
    /** Strictly before the value. */
    LESS_THAN(Arity.ONE),
    /** Before or on the value. */
    LESS_OR_EQUAL(Arity.ONE),
    /** Strictly after the value. */
    GREATER_THAN(Arity.ONE),
    /** On or after the value. */
    GREATER_OR_EQUAL(Arity.ONE),
    /** Contains the value, ignoring case. */
    CONTAINS(Arity.ONE),
    /** Does not contain the value, ignoring case, or is empty. */
    NOT_CONTAINS(Arity.ONE),
    /** Starts with the value, ignoring case. */
    STARTS_WITH(Arity.ONE),
    /** Has no value. */
    IS_EMPTY(Arity.NONE),
    /** Has a value. */
    IS_NOT_EMPTY(Arity.NONE),
    /** Equal to one of the values. */
    IN(Arity.ONE_OR_MORE),
    /** Equal to none of the values, or empty. */
    NOT_IN(Arity.ONE_OR_MORE),
    /** Between the two values, both included. */
    BETWEEN(Arity.TWO),
    /** Within the last N days (the value is N), up to now. */
    IN_LAST_DAYS(Arity.ONE),
    /** Before the last N days (the value is N), or empty. */
    NOT_IN_LAST_DAYS(Arity.ONE),
    /** Member of the list whose id is the value. */
    MEMBER_OF_LIST(Arity.ONE),
    /** Not a member of the list whose id is the value. */
    NOT_MEMBER_OF_LIST(Arity.ONE),
    /** The flag is set. */
    IS_TRUE(Arity.NONE),
    /** The flag is not set. */
    IS_FALSE(Arity.NONE),
    /**
     * The delivery left for the recipient: its ledger row is SENT, DELIVERED or UNDELIVERED (an SMS
     * receipt). The value is the delivery's id; none means the delivery of the incoming transition.
     */
    SENT(Arity.AT_MOST_ONE),
    /** The delivery could not be sent to the recipient: its ledger row is FAILED. Value as for {@link #SENT}. */
    FAILED(Arity.AT_MOST_ONE),
    /** The recipient opened the delivery: an OPEN or a CLICK log (a click implies an open). */
    OPENED(Arity.AT_MOST_ONE),
    /** The recipient clicked a link of the delivery: a CLICK log. */
    CLICKED(Arity.AT_MOST_ONE),
    /** The same as {@link #OPENED}, in the marketer's words: an OPEN or a CLICK log. */
    OPENED_OR_CLICKED(Arity.AT_MOST_ONE),
    /** The delivery was {@link #SENT} to the recipient, who has no OPEN and no CLICK log for it. */
    NEITHER_OPENED_NOR_CLICKED(Arity.AT_MOST_ONE),
    /** The delivery was {@link #SENT} to the recipient, who has no CLICK log for it. */
    DID_NOT_CLICK(Arity.AT_MOST_ONE),
    /**
     * {@link #OPENED}, people only: an OPEN or a CLICK log classified PERSON (not a privacy proxy's load, not
     * a link scanner's check). The "people only" operators read {@code tracking_log.actor}: a log the
     * classifier has not looked at yet counts for no one.
     */
    OPENED_PEOPLE_ONLY(Arity.AT_MOST_ONE),
    /** {@link #CLICKED}, people only: a CLICK log classified PERSON. */
    CLICKED_PEOPLE_ONLY(Arity.AT_MOST_ONE),
    /** {@link #OPENED_OR_CLICKED}, people only: an OPEN or a CLICK log classified PERSON. */
    OPENED_OR_CLICKED_PEOPLE_ONLY(Arity.AT_MOST_ONE),
    /** {@link #NEITHER_OPENED_NOR_CLICKED}, people only: sent, and no OPEN nor CLICK log classified PERSON. */
    NEITHER_OPENED_NOR_CLICKED_PEOPLE_ONLY(Arity.AT_MOST_ONE),
    /** {@link #DID_NOT_CLICK}, people only: sent, and no CLICK log classified PERSON. */
    DID_NOT_CLICK_PEOPLE_ONLY(Arity.AT_MOST_ONE);

    /** How many values an operator takes. */
    public enum Arity {
        /** No value at all. */
        NONE,
        /** Exactly one value. */
        ONE,
        /** Exactly two values (a range). */
        TWO,
        /** At least one value. */
        ONE_OR_MORE,
        /** One value or none (an optional delivery id). */
        AT_MOST_ONE;

        /** Whether {@code count} values are the right number. */
        public boolean accepts(int count) {
            return switch (this) {
                case NONE -> count == 0;
                case ONE -> count == 1;
                case TWO -> count == 2;
                case ONE_OR_MORE -> count >= 1;
                case AT_MOST_ONE -> count <= 1;
            };
        }
    }

    private final Arity arity;

    Operator(Arity arity) {
        this.arity = arity;
    }

    /** How many values this operator takes. */
    public Arity arity() {
        return arity;
    }

    /** Whether this is a behaviour operator that counts people's opens and clicks only. */
    public boolean peopleOnly() {
        return name().endsWith("_PEOPLE_ONLY");
    }

    /** The "people only" form of a behaviour operator that reads tracking logs, if it has one. */
    public Optional<Operator> peopleOnlyForm() {
        return peopleOnly() ? Optional.of(this) : fromJsonName(jsonName() + "_people_only");
    }

    /** The stable name used in JSON and messages, in lower snake case: {@code "in_last_days"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operator whose {@link #jsonName()} is exactly {@code name}, if any. */
    public static Optional<Operator> fromJsonName(String name) {
        for (Operator operator : values()) {
            if (operator.jsonName().equals(name)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}

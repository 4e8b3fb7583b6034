package io.crosscast.audience.condition;

import java.util.List;
import java.util.Objects;

/**
 * One test on one field, such as {@code status equals GOLD} or {@code createdAt in_last_days 30}.
 *
 * <p>The field is kept as the name the rule was written with (a {@link RecipientField#publicName()}
 * when valid) and the values as the raw strings the marketer typed: how many there must be depends on
 * the operator ({@link Operator#arity()}) and how they are read depends on the field's type. Neither is
 * checked here: see {@link ConditionValidator}.
 *
 * @param field    the public name of a {@link RecipientField}, e.g. {@code "birthDate"}
 * @param operator the test to apply
 * @param values   the raw values (copied, never null, no null element)
 */
public record Rule(String field, Operator operator, List<String> values) implements Condition {

    /** Checks that nothing is null and freezes the values. */
    public Rule {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(values, "values");
        values = List.copyOf(values);
    }

    /** A behaviour rule ({@link RecipientField#DELIVERY}) with no delivery id, or a blank one. */
    @Override
    public boolean refersToIncomingDelivery() {
        return RecipientField.DELIVERY.publicName().equals(field)
                && RecipientField.DELIVERY.allows(operator)
                && (values.isEmpty() || values.size() == 1 && values.get(0).isBlank());
    }

    /** A "people only" behaviour rule. */
    @Override
    public boolean readsActors() {
        return operator.peopleOnly();
    }

    /** A list membership or behaviour rule: correlated subqueries on the recipient's id only. */
    @Override
    public boolean readsOnlyRecipientId() {
        return RecipientField.fromPublicName(field)
                .map(f -> f == RecipientField.LIST || f == RecipientField.DELIVERY)
                .orElse(false);
    }

    /** A rule on a whitelisted field. */
    public static Rule of(RecipientField field, Operator operator, String... values) {
        return new Rule(field.publicName(), operator, List.of(values));
    }
}

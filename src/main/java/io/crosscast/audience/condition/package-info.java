/**
 * Targeting conditions on recipients: the model, its validation, its JSON form and its compilation to
 * SQL.
 *
 * <p>A {@link io.crosscast.audience.condition.Condition} is either a
 * {@link io.crosscast.audience.condition.Rule} ({@code status equals GOLD}) or a
 * {@link io.crosscast.audience.condition.Group} of conditions joined by AND or OR. Rules name a field of
 * the whitelist {@link io.crosscast.audience.condition.RecipientField} and keep the values as the
 * marketer typed them; {@link io.crosscast.audience.condition.ConditionValidator} says what is wrong with
 * a condition, {@link io.crosscast.audience.condition.ConditionCompiler} turns a valid one into a SQL
 * boolean expression with bound parameters only, and {@link io.crosscast.audience.condition.ConditionJson}
 * stores it.
 *
 * <p>Plain Java and JSON-P only: no persistence or container API, so every class here is unit-testable.
 */
package io.crosscast.audience.condition;

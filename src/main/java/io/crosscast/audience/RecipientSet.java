package io.crosscast.audience;

import io.crosscast.audience.condition.SqlFragment;
import java.util.Objects;

/**
 * A set of recipients written as SQL, for set-based statements of other packages that take recipients by
 * the thousand (a list adds them, a workflow counts them) without loading one: the recipients are the
 * values of {@code id} in the rows of {@code from} that match {@code where}.
 *
 * <p>{@code from} and {@code id} are fixed texts of the code, never input; every value is a bound
 * parameter of {@code where}.
 *
 * @param from  a FROM clause, e.g. {@code recipient r}
 * @param id    the column holding the recipient's id, e.g. {@code r.id}
 * @param where a boolean expression over {@code from}, with its parameters
 */
public record RecipientSet(String from, String id, SqlFragment where) {

    /** Checks that nothing is null. */
    public RecipientSet {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(where, "where");
    }

    /** The recipients matching a condition compiled over the alias {@code r}. */
    public static RecipientSet matching(SqlFragment condition) {
        return new RecipientSet("recipient r", "r.id", condition);
    }
}

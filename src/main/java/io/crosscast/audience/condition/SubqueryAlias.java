package io.crosscast.audience.condition;

import java.util.Locale;

/**
 * Aliases of the tables that correlated subqueries read ({@code list_member lm}, {@code delivery_message dm},
 * {@code tracking_log tl}). Each kind has a fixed alias: sibling subqueries of one WHERE clause may reuse it
 * (each subquery is its own scope), and none nests another, so only the recipient alias, which they all see,
 * must differ from it.
 */
final class SubqueryAlias {

    private SubqueryAlias() {}

    /** {@code preferred}, or {@code preferred2} when the recipient table is itself called that (in any case). */
    static String avoiding(String recipientAlias, String preferred) {
        return recipientAlias.toLowerCase(Locale.ROOT).equals(preferred) ? preferred + "2" : preferred;
    }
}

package io.crosscast.list;

import io.crosscast.audience.RecipientSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-based statements that change a list's members ({@code list_member}, which this package owns),
 * for a set of recipients given as SQL: whoever changes a list (a marketer, an import, a workflow) goes
 * through these.
 */
final class MemberStatements {

    /** A statement and its parameters in order. */
    record Statement(String sql, List<Object> parameters) {}

    private MemberStatements() {}

    /** Adds the recipients of the set who are not members yet, joining at {@code now}. */
    static Statement add(long listId, RecipientSet recipients, OffsetDateTime now) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(listId);
        parameters.add(now);
        parameters.addAll(recipients.where().parameters());
        parameters.add(listId);
        return new Statement(
                "INSERT INTO list_member (list_id, recipient_id, added_at) SELECT ?, " + recipients.id()
                        + ", ? FROM " + recipients.from() + " WHERE "
                        + recipients.where().sql()
                        + " AND NOT EXISTS (SELECT 1 FROM list_member lm WHERE lm.list_id = ? AND lm.recipient_id = "
                        + recipients.id() + ")",
                parameters);
    }

    /** Removes the members who are in the set. */
    static Statement remove(long listId, RecipientSet recipients) {
        return delete(listId, "IN", recipients);
    }

    /** Removes the members who are not in the set. */
    static Statement keepOnly(long listId, RecipientSet recipients) {
        return delete(listId, "NOT IN", recipients);
    }

    private static Statement delete(long listId, String in, RecipientSet recipients) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(listId);
        parameters.addAll(recipients.where().parameters());
        return new Statement(
                "DELETE FROM list_member WHERE list_id = ? AND recipient_id " + in + " (SELECT " + recipients.id()
                        + " FROM " + recipients.from() + " WHERE "
                        + recipients.where().sql() + ")",
                parameters);
    }
}

package io.crosscast.delivery.internal;

import io.crosscast.content.Personalization;
import io.crosscast.delivery.Delivery;
import io.crosscast.platform.sql.SqlValues;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The enrichment values a delivery's templates use ({@code {{enrichment.<name>}}}), read with each batch of ledger
 * rows: one {@code LEFT JOIN enrichment_value} per name used, on its primary key (run, name, recipient), in the same
 * select that reads the batch's recipient fields. So a batch costs one query whatever its values, and no value of
 * recipients outside the batch is ever loaded. Table {@code enrichment_value} belongs to the workflow concept: the
 * ledger only reads it. Nothing is joined for a delivery outside a workflow run or whose templates use no value.
 *
 * <p>A count reads as its digits, a date (last open, last click) as {@code yyyy-MM-dd} in the server's time zone, a
 * copied field as its text; a recipient without the value gets none (renders as nothing).
 *
 * @param runId the delivery's workflow run, null outside one
 * @param names the values' names, each joined once
 */
public record EnrichmentJoin(Long runId, List<String> names) {

    /** Nothing to join. */
    public static final EnrichmentJoin NONE = new EnrichmentJoin(null, List.of());

    public EnrichmentJoin {
        names = List.copyOf(names);
    }

    /** What the delivery's subject, HTML body and text body (an SMS's text) use of its run's values. */
    public static EnrichmentJoin of(Delivery delivery) {
        if (delivery.getRunId() == null) {
            return NONE;
        }
        return of(
                delivery.getRunId(),
                Personalization.enrichmentNames(delivery.getSubject(), delivery.getHtmlBody(), delivery.getTextBody()));
    }

    /** The given names of run {@code runId}. */
    public static EnrichmentJoin of(long runId, List<String> names) {
        return names.isEmpty() ? NONE : new EnrichmentJoin(runId, names);
    }

    /** Whether there is nothing to join. */
    public boolean none() {
        return runId == null || names.isEmpty();
    }

    /** The selected columns, after the recipient's: three per name. */
    String columns() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < (none() ? 0 : names.size()); i++) {
            sql.append(", e")
                    .append(i)
                    .append(".num_value, e")
                    .append(i)
                    .append(".time_value, e")
                    .append(i)
                    .append(".text_value");
        }
        return sql.toString();
    }

    /** The joins, after {@code FROM delivery_message dm ...}: two parameters each, bound by {@link #bind}. */
    String joins() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < (none() ? 0 : names.size()); i++) {
            String e = "e" + i;
            sql.append(" LEFT JOIN enrichment_value ")
                    .append(e)
                    .append(" ON ")
                    .append(e)
                    .append(".run_id = ? AND ")
                    .append(e)
                    .append(".name = ? AND ")
                    .append(e)
                    .append(".recipient_id = dm.recipient_id");
        }
        return sql.toString();
    }

    /** Binds the joins' parameters from {@code index}; returns the next parameter's index. */
    int bind(PreparedStatement select, int index) throws SQLException {
        int next = index;
        if (none()) {
            return next;
        }
        for (String name : names) {
            select.setLong(next++, runId);
            select.setString(next++, name);
        }
        return next;
    }

    /** The row's values from column {@code first} on, by name; names without a value are left out. */
    Map<String, String> read(ResultSet row, int first) throws SQLException {
        if (none()) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>(names.size() * 2);
        int column = first;
        for (String name : names) {
            Object number = row.getObject(column);
            Object time = row.getObject(column + 1);
            String text = row.getString(column + 2);
            column += 3;
            if (number != null) {
                values.put(name, Long.toString(SqlValues.number(number)));
            } else if (time != null) {
                values.put(name, date(SqlValues.instant(time)));
            } else if (text != null) {
                values.put(name, text);
            }
        }
        return values;
    }

    /** A date value as the templates show it. */
    static String date(Instant time) {
        return time.atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }
}

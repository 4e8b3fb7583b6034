package io.crosscast.audience.internal;

import io.crosscast.audience.RecipientSet;
import io.crosscast.audience.condition.SqlFragment;
import io.crosscast.audience.importing.ImportField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The set-based statements that merge a chunk of staged import rows ({@code import_row}) into
 * {@code recipient}. Only whitelisted columns appear in the SQL; every value is a bound parameter.
 */
public final class ImportSql {

    /** Columns of the importable fields (email is the key, handled apart). */
    private static final Map<ImportField, String> COLUMNS = new EnumMap<>(ImportField.class);
    /** What a column that may not be NULL takes when its cell clears it (opt-outs are never cleared: kept). */
    private static final Map<String, String> CLEARED = Map.of(
            "status", "'NONE'", "email_opt_out", "recipient.email_opt_out", "sms_opt_out", "recipient.sms_opt_out");

    static {
        COLUMNS.put(ImportField.FIRST_NAME, "first_name");
        COLUMNS.put(ImportField.LAST_NAME, "last_name");
        COLUMNS.put(ImportField.MOBILE_PHONE, "mobile_phone");
        COLUMNS.put(ImportField.STATUS, "status");
        COLUMNS.put(ImportField.COUNTRY, "country");
        COLUMNS.put(ImportField.LANGUAGE, "language");
        COLUMNS.put(ImportField.BIRTH_DATE, "birth_date");
        COLUMNS.put(ImportField.EMAIL_OPT_OUT, "email_opt_out");
        COLUMNS.put(ImportField.SMS_OPT_OUT, "sms_opt_out");
    }

    public static final String INSERT_STAGED = "INSERT INTO import_row (import_id, line_no, email, email_key,"
            + " first_name, last_name, mobile_phone, status, country, language, birth_date, email_opt_out, sms_opt_out,"
            + " kept_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Staged rows whose recipient exists (one parameter: import id). */
    public static final String COUNT_EXISTING = "SELECT COUNT(*) FROM import_row s WHERE s.import_id = ?"
            + " AND EXISTS (SELECT 1 FROM recipient r WHERE r.email_key = s.email_key)";

    /** Creates the recipients that do not exist yet (parameters: created_at, updated_at, import id). */
    public static final String INSERT_NEW = "INSERT INTO recipient (email, email_key, first_name, last_name,"
            + " mobile_phone, status, country, language, birth_date, email_opt_out, sms_opt_out, created_at, updated_at)"
            + " SELECT s.email, s.email_key, s.first_name, s.last_name, s.mobile_phone, COALESCE(s.status, 'NONE'),"
            + " s.country, s.language, s.birth_date, COALESCE(s.email_opt_out, FALSE), COALESCE(s.sms_opt_out, FALSE), ?, ?"
            + " FROM import_row s WHERE s.import_id = ?"
            + " AND NOT EXISTS (SELECT 1 FROM recipient r WHERE r.email_key = s.email_key)";

    /** Adds the chunk's recipients to a list (parameters: list id, added_at, import id, list id). */
    /** The recipients of a chunk's staged lines (created or updated by then). */
    public static RecipientSet chunk(String importId) {
        return new RecipientSet(
                "recipient r JOIN import_row s ON s.email_key = r.email_key",
                "r.id",
                SqlFragment.of("s.import_id = ?", importId));
    }

    public static final String CLEAR = "DELETE FROM import_row WHERE import_id = ?";

    private ImportSql() {}

    /**
     * The update of existing recipients. Parameters: the import id {@code subqueries} times (one per
     * assigned column), then updated_at, then the import id of the WHERE clause.
     */
    public record Update(String sql, int subqueries) {}

    /**
     * Updates existing recipients with the mapped fields of their staged row (the address keeps the file's
     * spelling). A field the staged row marks kept ({@link io.crosscast.audience.importing.ImportRow#keptFields()})
     * keeps the recipient's value; otherwise the staged value is written, NULL included, except in columns that
     * may not be NULL (status becomes NONE, an opt-out stays).
     */
    public static Update updateExisting(Set<ImportField> mapped) {
        List<String> assignments = new ArrayList<>();
        assignments.add("email = " + staged("s.email"));
        for (Map.Entry<ImportField, String> entry : COLUMNS.entrySet()) {
            if (mapped.contains(entry.getKey())) {
                String column = entry.getValue();
                String value = CLEARED.containsKey(column)
                        ? "COALESCE(s." + column + ", " + CLEARED.get(column) + ")"
                        : "s." + column;
                int flag = entry.getKey().ordinal() + 1;
                assignments.add(column + " = "
                        + staged("CASE WHEN SUBSTRING(s.kept_fields, " + flag + ", 1) = 'K' THEN recipient." + column
                                + " ELSE " + value + " END"));
            }
        }
        String sql = "UPDATE recipient SET " + String.join(", ", assignments)
                + ", updated_at = ?, version = version + 1"
                + " WHERE EXISTS (SELECT 1 FROM import_row s WHERE s.import_id = ? AND s.email_key = recipient.email_key)";
        return new Update(sql, assignments.size());
    }

    private static String staged(String expression) {
        return "(SELECT " + expression
                + " FROM import_row s WHERE s.import_id = ? AND s.email_key = recipient.email_key)";
    }
}

package io.crosscast.audience;

import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.audience.condition.SqlFragment;
import io.crosscast.platform.Datasources;
import io.crosscast.platform.SpreadsheetCells;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes the recipients matching a condition as CSV, streamed from a database cursor (rows are fetched
 * a thousand at a time, never all at once). The header uses the import's names, so an export can be
 * edited and imported back. Cells that a spreadsheet would run as formulas are written as text
 * ({@link SpreadsheetCells}: {@code +33612345678} is written {@code '+33612345678}); the import reads them
 * back unchanged.
 */
@Stateless
public class RecipientExportService {

    static final List<String> HEADER = List.of(
            "email",
            "first name",
            "last name",
            "mobile phone",
            "status",
            "country",
            "language",
            "birth date",
            "email opt out",
            "sms opt out");

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    @Inject
    private ConditionCompiler compiler;

    /** Writes UTF-8 CSV (with a byte-order mark, for spreadsheets) to {@code out}; returns the number of rows. */
    public long exportCsv(Condition condition, OutputStream out) throws IOException {
        SqlFragment where = compiler.compile(condition, "r");
        String sql = "SELECT r.email, r.first_name, r.last_name, r.mobile_phone, r.status, r.country, r.language,"
                + " r.birth_date, r.email_opt_out, r.sms_opt_out FROM recipient r WHERE " + where.sql()
                + " ORDER BY r.id";
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        SpreadsheetCells.Printer csv = SpreadsheetCells.printer(writer, HEADER);
        long rows = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(1000);
            for (int i = 0; i < where.parameters().size(); i++) {
                s.setObject(i + 1, where.parameters().get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    csv.printRecord(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getObject(8),
                            rs.getBoolean(9),
                            rs.getBoolean(10));
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The export failed: " + e.getMessage(), e);
        }
        csv.flush();
        return rows;
    }
}

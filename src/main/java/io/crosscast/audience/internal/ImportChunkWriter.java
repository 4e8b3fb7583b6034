package io.crosscast.audience.internal;

import io.crosscast.audience.ImportListTarget;
import io.crosscast.audience.importing.ImportField;
import io.crosscast.audience.importing.ImportRow;
import io.crosscast.platform.Datasources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes one chunk of valid import lines in its own transaction: staged with one JDBC batch, merged into
 * {@code recipient} with set-based statements, given to the import's list (if it names one), then unstaged. A failure rolls
 * back this chunk only; earlier chunks stay.
 */
@Stateless
public class ImportChunkWriter {

    /** What one chunk did. */
    public record ChunkResult(int created, int updated) {}

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    /** Writes rows whose addresses are distinct (the caller keeps the last line of each address). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ChunkResult write(
            String importId, Collection<ImportRow> rows, Set<ImportField> mapped, ImportListTarget.ChunkStep toList) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            stage(c, importId, rows);
            int updated = (int) count(c, ImportSql.COUNT_EXISTING, importId);
            if (updated > 0) {
                ImportSql.Update update = ImportSql.updateExisting(mapped);
                try (PreparedStatement s = c.prepareStatement(update.sql())) {
                    int i = 1;
                    for (; i <= update.subqueries(); i++) {
                        s.setString(i, importId);
                    }
                    s.setObject(i++, now);
                    s.setString(i, importId);
                    s.executeUpdate();
                }
            }
            int created = update(c, ImportSql.INSERT_NEW, now, now, importId);
            if (toList != null) {
                toList.afterChunk(c, ImportSql.chunk(importId), now);
            }
            update(c, ImportSql.CLEAR, importId);
            return new ChunkResult(created, updated);
        } catch (SQLException e) {
            throw new IllegalStateException("The database refused a chunk of the import: " + e.getMessage(), e);
        }
    }

    private static void stage(Connection c, String importId, Collection<ImportRow> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ImportSql.INSERT_STAGED)) {
            for (ImportRow row : rows) {
                s.setString(1, importId);
                s.setLong(2, row.lineNumber());
                s.setString(3, row.email());
                s.setString(4, row.emailKey());
                s.setString(5, row.firstName());
                s.setString(6, row.lastName());
                s.setString(7, row.mobilePhone());
                s.setString(8, row.status());
                s.setString(9, row.country());
                s.setString(10, row.language());
                if (row.birthDate() == null) {
                    s.setNull(11, Types.DATE);
                } else {
                    s.setObject(11, row.birthDate());
                }
                setBoolean(s, 12, row.emailOptOut());
                setBoolean(s, 13, row.smsOptOut());
                s.setString(14, row.keptFields());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void setBoolean(PreparedStatement s, int index, Boolean value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BOOLEAN);
        } else {
            s.setBoolean(index, value);
        }
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }
}

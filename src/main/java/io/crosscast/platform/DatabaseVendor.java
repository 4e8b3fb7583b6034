package io.crosscast.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases Crosscast runs on. Anything else is refused at deployment with a clear message rather
 * than failing later on a vendor-specific statement.
 */
public enum DatabaseVendor {
    H2("org.quartz.impl.jdbcjobstore.StdJDBCDelegate", "BLOB"),
    POSTGRESQL("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate", "BYTEA");

    private final String quartzDelegate;
    private final String binaryType;

    DatabaseVendor(String quartzDelegate, String binaryType) {
        this.quartzDelegate = quartzDelegate;
        this.binaryType = binaryType;
    }

    /** SQL type of binary columns (Quartz's serialised job data), as the vendor's JDBC driver reads it. */
    public String binaryType() {
        return binaryType;
    }

    /**
     * The folder of this database's own migrations beside {@code db/migration/common} (e.g. an index only
     * PostgreSQL can build); both folders hold the same versions.
     */
    public String migrations() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Quartz's JDBC delegate class for this database. */
    public String quartzDelegate() {
        return quartzDelegate;
    }

    /** Maps a JDBC product name ({@code DatabaseMetaData#getDatabaseProductName()}) to a vendor. */
    public static DatabaseVendor fromProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.startsWith("h2")) {
            return H2;
        }
        if (name.startsWith("postgresql")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("Crosscast runs on H2 or PostgreSQL; the datasource is on '"
                + productName + "'. Configure the datasources with wildfly-config/datasources-h2.cli or "
                + "datasources-postgresql.cli.");
    }

    /** Asks the database behind a datasource what it is. */
    public static DatabaseVendor of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }
}

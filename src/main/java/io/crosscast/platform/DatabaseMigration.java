package io.crosscast.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the database schema up to date when the application is deployed, then has Hibernate check its
 * mappings against it. Everything else that touches the database at startup depends on this bean.
 *
 * <p>Flyway works on the non-JTA datasource because it commits its own transactions, which a JTA
 * connection forbids. Hibernate does not create or change tables: the persistence unit leaves the
 * schema alone and the validation here fails the deployment when an entity and its table disagree.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    @PersistenceUnit
    private EntityManagerFactory entityManagerFactory;

    private DatabaseVendor vendor;
    private String schemaVersion;

    @PostConstruct
    void migrate() {
        vendor = DatabaseVendor.of(dataSource);
        Flyway flyway = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.migrations())
                .placeholders(Map.of("binary", vendor.binaryType()))
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        schemaVersion = current == null ? "none" : current.getVersion().getVersion();
        LOG.info(() -> "Database " + vendor + ": " + result.migrationsExecuted
                + " migration(s) applied, schema version " + schemaVersion);

        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }

    @Lock(LockType.READ)
    public DatabaseVendor vendor() {
        return vendor;
    }

    @Lock(LockType.READ)
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * The latest schema version the database itself says was applied (Flyway's history table, one short query;
     * "none" when nothing was), for health checks; throws when the database does not answer within
     * {@code timeoutSeconds}.
     */
    @Lock(LockType.READ)
    public String databaseVersion(int timeoutSeconds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = ?"
                                + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
            select.setQueryTimeout(timeoutSeconds);
            select.setMaxRows(1);
            select.setBoolean(1, true);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : "none";
            }
        }
    }

    /**
     * Whether a database at {@code databaseVersion} is migrated for this deployment: at least at the version it
     * migrated to when it started (a newer node of a rolling upgrade may have moved it further).
     */
    @Lock(LockType.READ)
    public boolean migratedFor(String databaseVersion) {
        if ("none".equals(schemaVersion)) {
            return true;
        }
        if (databaseVersion == null || "none".equals(databaseVersion)) {
            return false;
        }
        return MigrationVersion.fromVersion(databaseVersion).compareTo(MigrationVersion.fromVersion(schemaVersion))
                >= 0;
    }
}

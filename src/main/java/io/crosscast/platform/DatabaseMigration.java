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
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
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
                .locations("classpath:db/migration/common")
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
}

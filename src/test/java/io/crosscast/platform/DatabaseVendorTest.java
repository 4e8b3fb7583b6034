package io.crosscast.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseVendorTest {

    @Test
    void recognisesTheProductNamesOfTheSupportedDrivers() {
        assertEquals(DatabaseVendor.H2, DatabaseVendor.fromProductName("H2"));
        assertEquals(DatabaseVendor.POSTGRESQL, DatabaseVendor.fromProductName("PostgreSQL"));
    }

    @Test
    void eachVendorHasItsOwnQuartzDelegateAndBinaryType() {
        assertEquals("org.quartz.impl.jdbcjobstore.StdJDBCDelegate", DatabaseVendor.H2.quartzDelegate());
        assertEquals("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate", DatabaseVendor.POSTGRESQL.quartzDelegate());
        assertEquals("BLOB", DatabaseVendor.H2.binaryType());
        assertEquals("BYTEA", DatabaseVendor.POSTGRESQL.binaryType());
    }

    @Test
    void refusesOtherDatabasesNamingTheScriptsToUse() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> DatabaseVendor.fromProductName("MySQL"));
        assertTrue(e.getMessage().contains("MySQL"), e.getMessage());
        assertTrue(e.getMessage().contains("datasources-postgresql.cli"), e.getMessage());
    }

    @Test
    void refusesAMissingProductName() {
        assertThrows(IllegalStateException.class, () -> DatabaseVendor.fromProductName(null));
    }
}

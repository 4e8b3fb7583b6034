package io.crosscast.platform;

/**
 * JNDI names of the datasources that {@code wildfly-config/datasources-*.cli} define on the server.
 * The application holds no connection settings of its own.
 */
public final class Datasources {

    /** JTA datasource: JPA and work inside the application's transactions. */
    public static final String JTA = "java:jboss/datasources/CrosscastDS";

    /** Non-JTA datasource on the same database: Flyway and Quartz's own threads. */
    public static final String NON_JTA = "java:jboss/datasources/CrosscastNonJtaDS";

    private Datasources() {}
}

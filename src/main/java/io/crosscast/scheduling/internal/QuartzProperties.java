package io.crosscast.scheduling.internal;

import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.Datasources;
import io.crosscast.platform.NodeName;
import java.util.Properties;

/**
 * Quartz's configuration: a JDBC job store (JobStoreCMT) on the application's two datasources, clustered on
 * PostgreSQL.
 */
public final class QuartzProperties {

    public static final String SCHEDULER_NAME = "crosscast";

    /** Default clustered check-in interval (crosscast.cluster.checkinMillis). */
    public static final long CHECKIN_MILLIS = 7500;

    private QuartzProperties() {}

    public static Properties forVendor(DatabaseVendor vendor) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // A trigger stored by a transaction that committed after the scheduler last looked is found within 2 s.
        p.setProperty("org.quartz.scheduler.idleWaitTime", "2000");
        p.setProperty("org.quartz.scheduler.threadsInheritContextClassLoaderOfInitializer", "true");

        p.setProperty("org.quartz.threadPool.class", ManagedThreadPool.class.getName());
        p.setProperty("org.quartz.threadPool.threadCount", "4");

        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreCMT");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", vendor.quartzDelegate());
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.dataSource", "managed");
        p.setProperty("org.quartz.jobStore.nonManagedTXDataSource", "nonManaged");
        // The JTA datasource's connections belong to the container's transactions.
        p.setProperty("org.quartz.jobStore.dontSetAutoCommitFalse", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        if (vendor == DatabaseVendor.POSTGRESQL) {
            // Several servers may share the database (wildfly-config/cluster.cli): one scheduler instance per node,
            // named by the node (stable across its restarts, so a node that starts again recovers its own jobs at
            // once). Each checks in every CHECKIN ms; a node silent for that plus Quartz's 7.5 s grace is dead, and
            // the next check-in of a survivor recovers its fired triggers (Waits, advances, sending watches).
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.scheduler.instanceId", NodeName.current());
            p.setProperty(
                    "org.quartz.jobStore.clusterCheckinInterval",
                    Long.toString(Long.getLong("crosscast.cluster.checkinMillis", CHECKIN_MILLIS)));
        } else {
            // H2 serves one server only (its file database is that server's).
            p.setProperty("org.quartz.jobStore.isClustered", "false");
        }
        p.setProperty("org.quartz.dataSource.managed.jndiURL", Datasources.JTA);
        p.setProperty("org.quartz.dataSource.nonManaged.jndiURL", Datasources.NON_JTA);
        return p;
    }
}

package io.crosscast.scheduling.internal;

import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.Datasources;
import java.util.Properties;

/** Quartz's configuration: a JDBC job store (JobStoreCMT) on the application's two datasources. */
public final class QuartzProperties {

    public static final String SCHEDULER_NAME = "crosscast";

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
        p.setProperty("org.quartz.jobStore.isClustered", "false");
        p.setProperty("org.quartz.dataSource.managed.jndiURL", Datasources.JTA);
        p.setProperty("org.quartz.dataSource.nonManaged.jndiURL", Datasources.NON_JTA);
        return p;
    }
}

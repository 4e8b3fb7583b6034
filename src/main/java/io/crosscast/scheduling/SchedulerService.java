package io.crosscast.scheduling;

import io.crosscast.platform.DatabaseMigration;
import io.crosscast.scheduling.internal.CdiJobFactory;
import io.crosscast.scheduling.internal.MisfireCounter;
import io.crosscast.scheduling.internal.QuartzProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Owns the Quartz scheduler: started once the schema is migrated, shut down on undeploy. Jobs and
 * triggers live in the database (JDBC job store), so a restart loses nothing and overdue triggers fire
 * as soon as the scheduler is back ("fire now" on misfire).
 *
 * <p>Jobs are thin CDI beans ({@code @Dependent}) that call one service method.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class SchedulerService {

    private static final Logger LOG = Logger.getLogger(SchedulerService.class.getName());

    @EJB
    private DatabaseMigration database;

    @Inject
    private BeanManager beanManager;

    @Inject
    private MeterRegistry meters;

    private Scheduler scheduler;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        try {
            scheduler = new StdSchedulerFactory(QuartzProperties.forVendor(database.vendor())).getScheduler();
            scheduler.setJobFactory(new CdiJobFactory(beanManager));
            scheduler.getListenerManager().addTriggerListener(new MisfireCounter(meters));
            // Start before anything is scheduled: scheduling first deadlocks on QRTZ_LOCKS.
            scheduler.start();
            LOG.info("Quartz scheduler started on the " + database.vendor() + " job store");
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        try {
            if (scheduler != null) {
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            LOG.warning("Scheduler did not shut down cleanly: " + e.getMessage());
        }
    }

    /**
     * Runs {@code jobType} once at {@code at} (or at once if that time is past), replacing any job of the
     * same key. Joins the caller's transaction: if it rolls back, nothing is scheduled.
     */
    @Lock(LockType.READ)
    public void scheduleOnce(JobKey key, Class<? extends Job> jobType, Instant at, Map<String, String> data)
            throws SchedulerException {
        JobDetail job = JobBuilder.newJob(jobType)
                .withIdentity(key)
                .usingJobData(new JobDataMap(data))
                .requestRecovery()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key.getName(), key.getGroup())
                .forJob(job)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        scheduler.scheduleJob(job, Set.of(trigger), true);
    }

    /**
     * Runs {@code jobType} every {@code period}, from now on, unless a job of that key is already scheduled
     * (its schedule is kept: the job store remembers it across restarts). A missed run is not caught up:
     * the next one comes at its time.
     */
    @Lock(LockType.READ)
    public void scheduleEvery(JobKey key, Class<? extends Job> jobType, java.time.Duration period)
            throws SchedulerException {
        if (scheduler.checkExists(key)) {
            return;
        }
        JobDetail job = JobBuilder.newJob(jobType).withIdentity(key).build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key.getName(), key.getGroup())
                .forJob(job)
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(period.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger), false);
        } catch (org.quartz.ObjectAlreadyExistsException e) {
            // another node (or a concurrent start) scheduled it first
        }
    }

    /** Removes a job and its triggers; returns whether it existed. */
    @Lock(LockType.READ)
    public boolean cancel(JobKey key) throws SchedulerException {
        return scheduler.deleteJob(key);
    }

    @Lock(LockType.READ)
    public boolean isScheduled(JobKey key) throws SchedulerException {
        return scheduler.checkExists(key);
    }

    /** Whether the scheduler is started and neither in standby nor shut down (readiness). */
    @Lock(LockType.READ)
    public boolean running() {
        try {
            return scheduler != null
                    && scheduler.isStarted()
                    && !scheduler.isShutdown()
                    && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** State and figures of the scheduler, for the administration page. */
    @Lock(LockType.READ)
    public SchedulerStatus status() throws SchedulerException {
        int jobs = scheduler.getJobKeys(GroupMatcher.anyJobGroup()).size();
        return new SchedulerStatus(
                scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode(),
                jobs,
                scheduler.getMetaData().getNumberOfJobsExecuted(),
                scheduler.getMetaData().getJobStoreClass().getSimpleName());
    }
}

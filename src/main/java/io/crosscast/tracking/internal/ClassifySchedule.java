package io.crosscast.tracking.internal;

import io.crosscast.scheduling.SchedulerService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.logging.Logger;
import org.quartz.JobKey;
import org.quartz.SchedulerException;

/** Schedules {@link ClassifyJob} every {@link #PERIOD} at startup (once: the job store keeps it). */
@Singleton
@Startup
@DependsOn("SchedulerService")
public class ClassifySchedule {

    private static final Logger LOG = Logger.getLogger(ClassifySchedule.class.getName());
    static final Duration PERIOD = Duration.ofSeconds(5);
    static final JobKey KEY = JobKey.jobKey("classify", "tracking");

    @EJB
    private SchedulerService scheduler;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void schedule() {
        try {
            scheduler.scheduleRepeating(KEY, ClassifyJob.class, java.time.Instant.now(), PERIOD);
        } catch (SchedulerException e) {
            LOG.warning("The tracking classifier is not scheduled: " + e.getMessage());
        }
    }
}

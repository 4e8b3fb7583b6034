package io.crosscast.workflow.internal;

import io.crosscast.scheduling.SchedulerService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.logging.Logger;
import org.quartz.SchedulerException;

/**
 * Makes sure the population retention job is in the job store: every day at 03:30 UTC (a quiet hour), first at
 * the next one. Kept there across restarts; scheduled once whatever the number of servers.
 */
@Singleton
@Startup
@DependsOn("SchedulerService")
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @EJB
    private SchedulerService scheduler;

    @PostConstruct
    void schedule() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime first = now.with(LocalTime.of(3, 30));
        if (!first.isAfter(now)) {
            first = first.plusDays(1);
        }
        try {
            scheduler.scheduleRepeating(
                    PopulationRetentionJob.KEY, PopulationRetentionJob.class, first.toInstant(), Duration.ofDays(1));
        } catch (SchedulerException e) {
            LOG.warning("Cannot schedule the population retention job: " + e.getMessage());
        }
    }
}

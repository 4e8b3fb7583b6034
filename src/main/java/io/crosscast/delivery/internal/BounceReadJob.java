package io.crosscast.delivery.internal;

import io.crosscast.delivery.DeliveryBounces;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;

/** Reads the bounce mailbox once (the service schedules the next reading). */
@Dependent
@DisallowConcurrentExecution
public class BounceReadJob implements Job {

    public static final JobKey KEY = JobKey.jobKey("bounce-mailbox", "bounces");

    @EJB
    private DeliveryBounces bounces;

    @Override
    public void execute(JobExecutionContext context) {
        bounces.readMailbox();
    }
}

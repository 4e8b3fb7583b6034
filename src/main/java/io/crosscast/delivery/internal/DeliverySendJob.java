package io.crosscast.delivery.internal;

import io.crosscast.delivery.DeliverySending;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;

/**
 * Starts (or keeps watching) a delivery's sending; returns at once, the sending runs on its own executor. One at a
 * time per delivery (one job key each).
 */
@Dependent
@DisallowConcurrentExecution
public class DeliverySendJob implements Job {

    public static final String DELIVERY_ID = "deliveryId";

    @EJB
    private DeliverySending sending;

    public static JobKey key(long deliveryId) {
        return JobKey.jobKey("delivery-" + deliveryId, "deliveries");
    }

    @Override
    public void execute(JobExecutionContext context) {
        sending.start(Long.parseLong(context.getMergedJobDataMap().getString(DELIVERY_ID)));
    }
}

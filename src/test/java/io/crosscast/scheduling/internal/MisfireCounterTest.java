package io.crosscast.scheduling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * A real Quartz scheduler (in memory) with the listener: a trigger due ten minutes ago (far past the misfire
 * threshold) is a misfire, counted once; a trigger due now is not.
 */
class MisfireCounterTest {

    static final CountDownLatch RAN = new CountDownLatch(2);

    public static class Probe implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            RAN.countDown();
        }
    }

    @Test
    void countsTheTriggersQuartzFoundOverdue() throws Exception {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "misfire-test");
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        scheduler.getListenerManager().addTriggerListener(new MisfireCounter(registry));
        try {
            scheduler.scheduleJob(
                    JobBuilder.newJob(Probe.class).withIdentity("late").build(),
                    TriggerBuilder.newTrigger()
                            .startAt(new Date(System.currentTimeMillis() - 600_000))
                            .withSchedule(
                                    SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                            .build());
            scheduler.scheduleJob(
                    JobBuilder.newJob(Probe.class).withIdentity("on-time").build(),
                    TriggerBuilder.newTrigger().startNow().build());
            scheduler.start();
            assertTrue(RAN.await(30, TimeUnit.SECONDS), "both jobs ran");
            assertEquals(1.0, registry.get(MisfireCounter.METER).counter().count());
        } finally {
            scheduler.shutdown(true);
        }
    }
}

package io.crosscast.scheduling.internal;

import io.crosscast.platform.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * Counts the triggers Quartz found overdue by more than its misfire threshold (a server down or too busy when they
 * were due) as the meter {@value #METER}; every other trigger event is ignored.
 */
public final class MisfireCounter extends TriggerListenerSupport {

    public static final String METER = "crosscast.quartz.misfires";

    private final Counter misfires;

    public MisfireCounter(MeterRegistry registry) {
        this.misfires = Meters.counter(registry, METER);
    }

    @Override
    public String getName() {
        return "crosscast-misfire-counter";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        misfires.increment();
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }
}

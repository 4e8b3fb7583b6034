package io.crosscast.it.scheduling;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A job as thin as the real ones: it hands its token to an EJB. */
@Dependent
public class ProbeJob implements Job {

    @EJB
    private ProbeRecorder recorder;

    @Override
    public void execute(JobExecutionContext context) {
        recorder.record(context.getMergedJobDataMap().getString("token"));
    }
}

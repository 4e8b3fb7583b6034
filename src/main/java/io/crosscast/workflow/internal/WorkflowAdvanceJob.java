package io.crosscast.workflow.internal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;

/**
 * Moves a run on (after a start, a resume, or when a Wait's time has come). One at a time per run: every advance
 * of a run is this job under the run's one key ({@link #key}), and Quartz runs no two firings of a job at once.
 */
@Dependent
@DisallowConcurrentExecution
public class WorkflowAdvanceJob implements Job {

    @EJB
    private RunAdvancer runs;

    /** The job (and trigger) of a run's advances: one per run, whoever asks for it. */
    public static JobKey key(long runId) {
        return new JobKey("run-" + runId, "workflow");
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.advance(Long.parseLong(context.getMergedJobDataMap().getString("runId")));
    }
}

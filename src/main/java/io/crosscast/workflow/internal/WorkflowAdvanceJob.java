package io.crosscast.workflow.internal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Moves a run on (after a start, a resume, or when a Wait's time has come). One at a time per run. */
@Dependent
@DisallowConcurrentExecution
public class WorkflowAdvanceJob implements Job {

    @EJB
    private RunAdvancer runs;

    @Override
    public void execute(JobExecutionContext context) {
        runs.advance(Long.parseLong(context.getMergedJobDataMap().getString("runId")));
    }
}

package io.crosscast.workflow.internal;

import io.crosscast.workflow.WorkflowService;
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
    private WorkflowService workflows;

    @Override
    public void execute(JobExecutionContext context) {
        workflows.advance(Long.parseLong(context.getMergedJobDataMap().getString("runId")));
    }
}

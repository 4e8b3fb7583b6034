package io.crosscast.workflow.internal;

import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;

/** Once a day: purges the populations that retention no longer keeps ({@link WorkflowService#purgeExpiredPopulations}). */
@Dependent
@DisallowConcurrentExecution
public class PopulationRetentionJob implements Job {

    /** The job's key in the JDBC job store (one for the whole server, or cluster). */
    public static final JobKey KEY = new JobKey("population-retention", "workflow");

    private static final Logger LOG = Logger.getLogger(PopulationRetentionJob.class.getName());

    @EJB
    private WorkflowService workflows;

    @Override
    public void execute(JobExecutionContext context) {
        long deleted = workflows.purgeExpiredPopulations();
        LOG.info("Population retention: " + deleted + " populations deleted");
    }
}

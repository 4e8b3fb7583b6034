package io.crosscast.tracking.internal;

import io.crosscast.tracking.TrackingClassifier;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Classifies the tracking logs not classified yet (every few seconds). One pass at a time in the cluster. */
@Dependent
@DisallowConcurrentExecution
public class ClassifyJob implements Job {

    @EJB
    private TrackingClassifier classifier;

    @Override
    public void execute(JobExecutionContext context) {
        classifier.classify();
    }
}

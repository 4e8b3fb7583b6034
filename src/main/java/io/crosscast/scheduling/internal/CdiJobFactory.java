package io.crosscast.scheduling.internal;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Creates Quartz jobs as CDI beans, so a job can {@code @Inject} the service it hands its work to.
 * Jobs are {@code @Dependent} beans; each firing gets a fresh instance.
 */
public class CdiJobFactory implements JobFactory {

    private final BeanManager beanManager;

    public CdiJobFactory(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        Bean<?> bean = beanManager.resolve(beanManager.getBeans(type));
        if (bean == null) {
            throw new SchedulerException("Job " + type.getName() + " is not a CDI bean (annotate it @Dependent)");
        }
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        return type.cast(beanManager.getReference(bean, type, context));
    }
}

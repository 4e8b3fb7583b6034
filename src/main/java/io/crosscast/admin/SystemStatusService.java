package io.crosscast.admin;

import io.crosscast.platform.DatabaseMigration;
import io.crosscast.scheduling.SchedulerService;
import io.crosscast.workflow.WorkflowService;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.mail.Session;
import org.quartz.SchedulerException;

/** The state of the platform's parts, for administrators. */
@Stateless
@RolesAllowed("admin")
public class SystemStatusService {

    @EJB
    private DatabaseMigration database;

    @EJB
    private SchedulerService scheduler;

    @EJB
    private WorkflowService workflows;

    @Resource(lookup = "java:jboss/mail/Crosscast")
    private Session mailSession;

    public SystemStatus status() throws SchedulerException {
        String smtp = mailSession.getProperty("mail.smtp.host") + ":" + mailSession.getProperty("mail.smtp.port");
        return new SystemStatus(
                database.vendor().name(),
                database.schemaVersion(),
                scheduler.status(),
                smtp,
                Runtime.version().toString(),
                workflows.populationStorage());
    }
}

package io.crosscast.web.admin;

import io.crosscast.admin.SystemStatus;
import io.crosscast.admin.SystemStatusService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.quartz.SchedulerException;

/** Backing bean of admin/system.xhtml. */
@Named
@RequestScoped
public class SystemStatusPage {

    @EJB
    private SystemStatusService service;

    private SystemStatus status;

    @PostConstruct
    void load() {
        try {
            status = service.status();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    public SystemStatus getStatus() {
        return status;
    }
}

package io.crosscast.web.admin;

import io.crosscast.admin.SystemStatus;
import io.crosscast.admin.SystemStatusService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
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

    /** The bytes populations take, readable ("12.3 MB"), or null when the database does not tell (H2). */
    public String getPopulationBytes() {
        Long bytes = status.populations().bytes();
        if (bytes == null) {
            return null;
        }
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(locale(), unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    /** When the retention job runs next, in the reader's language (UTC), or null if it is not scheduled. */
    public String getNextPurge() {
        Instant next = status.populations().nextPurge();
        return next == null
                ? null
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                                .withLocale(locale())
                                .withZone(ZoneOffset.UTC)
                                .format(next)
                        + " UTC";
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}

package io.crosscast.web.campaign;

import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignProblem;
import io.crosscast.campaign.CampaignStatus;
import io.crosscast.web.Messages;
import io.crosscast.web.ViewParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** What the campaign pages share: dates in the viewer's language, colours of statuses, problems shown. */
@Named
@ApplicationScoped
public class CampaignUi {

    /** Every status, for filters. */
    public CampaignStatus[] getStatuses() {
        return CampaignStatus.values();
    }

    /** A date in the viewer's language; empty for none. */
    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale())
                .format(date);
    }

    /** "start – end", one side empty when it is not set; empty when neither is. */
    public String period(LocalDate start, LocalDate end) {
        return period(date(start), date(end));
    }

    static String period(String start, String end) {
        if (start.isEmpty() && end.isEmpty()) {
            return "";
        }
        return (start + " – " + end).strip();
    }

    /** The p:tag severity of a campaign status. */
    public String severity(CampaignStatus status) {
        if (status == null) {
            return "secondary";
        }
        return switch (status) {
            case DRAFT -> "secondary";
            case RUNNING -> "info";
            case FINISHED -> "success";
            case CANCELLED -> "warning";
        };
    }

    /** Shows each problem of the exception in the viewer's language, beside {@code clientId} (or globally). */
    public static void show(String clientId, CampaignException e) {
        for (CampaignProblem problem : e.problems()) {
            Messages.error(clientId, Messages.textOr(problem.code(), problem.english()));
        }
    }

    /** The status of a filter's value, or null (any) when it names none. */
    static CampaignStatus parseStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CampaignStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The campaign id of a view parameter, or null when it is not a positive number. */
    public static Long parseId(String value) {
        return ViewParameters.id(value);
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null
                ? Locale.ENGLISH
                : faces.getViewRoot().getLocale();
    }
}

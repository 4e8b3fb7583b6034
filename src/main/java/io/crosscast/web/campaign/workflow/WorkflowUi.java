package io.crosscast.web.campaign.workflow;

import io.crosscast.web.Messages;
import io.crosscast.workflow.RunView;
import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/** How the diagram shows activities: an icon per type, and times and errors in the viewer's language. */
final class WorkflowUi {

    private static final Map<String, String> ICONS = Map.ofEntries(
            Map.entry("query", "pi pi-filter"),
            Map.entry("split", "pi pi-sitemap"),
            Map.entry("union", "pi pi-plus-circle"),
            Map.entry("intersection", "pi pi-circle"),
            Map.entry("exclusion", "pi pi-minus-circle"),
            Map.entry("deduplication", "pi pi-clone"),
            Map.entry("listUpdate", "pi pi-list"),
            Map.entry("start", "pi pi-play"),
            Map.entry("end", "pi pi-stop-circle"),
            Map.entry("wait", "pi pi-clock"),
            Map.entry("scheduler", "pi pi-calendar"),
            Map.entry("test", "pi pi-question-circle"),
            Map.entry("fork", "pi pi-share-alt"),
            Map.entry("andJoin", "pi pi-link"),
            Map.entry("emailDelivery", "pi pi-envelope"),
            Map.entry("smsDelivery", "pi pi-mobile"),
            Map.entry("enrichment", "pi pi-database"),
            Map.entry("abTest", "pi pi-percentage"),
            Map.entry("jumpFrom", "pi pi-directions"),
            Map.entry("jumpTo", "pi pi-directions-alt"),
            Map.entry("externalSignal", "pi pi-bolt"));

    private WorkflowUi() {}

    static String icon(String type) {
        return ICONS.getOrDefault(type, "pi pi-box");
    }

    /** The viewer's language. */
    static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** A failed activity's error in the viewer's language. */
    static String error(RunView.ActivityView state) {
        return state.text() == null ? state.message() : Messages.text(state.text());
    }

    /** An ISO instant as a short date and time of the server's zone; other text as it is. */
    static String time(String instant, Locale locale) {
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                    .withLocale(locale)
                    .withZone(ZoneId.systemDefault())
                    .format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}

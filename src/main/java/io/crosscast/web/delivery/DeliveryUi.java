package io.crosscast.web.delivery;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryProblem;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.LedgerEntry;
import io.crosscast.delivery.MessageStatus;
import io.crosscast.web.Messages;
import io.crosscast.web.ProblemTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * What the delivery pages share: dates in the viewer's language, colours of statuses, ledger reasons, refused
 * requests' problems.
 */
@Named
@ApplicationScoped
public class DeliveryUi {

    /** A date and time in the viewer's language and the server's time zone; empty for none. */
    public String format(Instant instant) {
        return instant == null ? "" : formatter(FormatStyle.MEDIUM).format(instant);
    }

    /** A short date and time (chart axes). */
    public static String formatShort(Instant instant) {
        return formatter(FormatStyle.SHORT).format(instant);
    }

    /**
     * A time chart's label of a step starting at {@code at}: a day (counted in UTC) as a short date, a minute
     * or an hour as a short date and time.
     */
    public static String formatStep(Instant at, io.crosscast.platform.TimeStep step) {
        if (step == io.crosscast.platform.TimeStep.DAY) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                    .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                    .withZone(java.time.ZoneOffset.UTC)
                    .format(at);
        }
        return formatShort(at);
    }

    private static DateTimeFormatter formatter(FormatStyle style) {
        return DateTimeFormatter.ofLocalizedDateTime(style)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .withZone(ZoneId.systemDefault());
    }

    /** The p:tag severity of a delivery status. */
    public String deliverySeverity(DeliveryStatus status) {
        if (status == null) {
            return "secondary";
        }
        return switch (status) {
            case DRAFT -> "secondary";
            case SENDING -> "info";
            case PAUSED -> "warning";
            case SENT -> "success";
            case CANCELLED -> "warning";
        };
    }

    /** The p:tag severity of a ledger row's status. */
    public String messageSeverity(MessageStatus status) {
        if (status == null) {
            return "secondary";
        }
        return switch (status) {
            case PENDING -> "info";
            case SENT, DELIVERED -> "success";
            case FAILED, UNDELIVERED -> "danger";
            case EXCLUDED -> "secondary";
        };
    }

    /** A ledger row's recipient by name, or by number when the name is unknown (deleted recipient). */
    public String recipientName(LedgerEntry entry) {
        String name = ((entry.firstName() == null ? "" : entry.firstName()) + " "
                        + (entry.lastName() == null ? "" : entry.lastName()))
                .strip();
        return name.isEmpty() ? "#" + entry.recipientId() : name;
    }

    /**
     * A ledger reason: exclusion codes and the sending's own reasons in the viewer's language, server replies
     * as they are.
     */
    public String reason(String reason) {
        return reason == null
                ? ""
                : Messages.textOr("exclusion." + reason, ProblemTexts.ledger(reason, Messages.bundle()));
    }

    /** A ledger reason in the words of the delivery's channel (an SMS has numbers, not addresses). */
    public String reason(String reason, Channel channel) {
        if (reason == null) {
            return "";
        }
        return channel == Channel.SMS ? Messages.textOr("exclusion.SMS." + reason, reason(reason)) : reason(reason);
    }

    /** A delivery problem in the viewer's language. */
    public static String text(DeliveryProblem problem) {
        if (problem.code() == DeliveryProblem.Code.NOT_FOUND) {
            return Messages.text("delivery.notFound");
        }
        return ProblemTexts.delivery(problem, Messages.bundle());
    }

    /**
     * Shows every reason of a refused request in the viewer's language, beside {@code clientId} (or globally
     * when null).
     */
    public static void show(String clientId, DeliveryException e) {
        e.reasons().forEach(problem -> Messages.error(clientId, text(problem)));
    }

    /** The PrimeIcons icon of a channel. */
    public String channelIcon(Channel channel) {
        return channel == Channel.SMS ? "pi pi-mobile" : "pi pi-envelope";
    }
}

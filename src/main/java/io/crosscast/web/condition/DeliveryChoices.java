package io.crosscast.web.condition;

import io.crosscast.delivery.DeliveryChoice;
import io.crosscast.delivery.DeliveryService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The deliveries offered by behaviour rules and tracking-log rules: those sent or sending, newest first
 * (read once per request), plus the one a row already names when it is not among them (an older or
 * cancelled delivery in a loaded condition), so that the menu shows it rather than losing it.
 */
@Named
@RequestScoped
public class DeliveryChoices {

    /** How many deliveries the menus offer. */
    static final int MAX = 200;

    @EJB
    private DeliveryService deliveries;

    private List<DeliveryChoice> sent;
    private final Map<Long, DeliveryChoice> others = new HashMap<>();

    /** The deliveries sent or sending, newest first. */
    public List<DeliveryChoice> getSent() {
        if (sent == null) {
            sent = deliveries.sentChoices(MAX);
        }
        return sent;
    }

    /**
     * The deliveries sent or sending, and after them the delivery {@code selected} names if it is not among
     * them ({@code selected}: a delivery id, or anything else, such as null or {@code incoming}, for none).
     */
    public List<DeliveryChoice> including(String selected) {
        OptionalLong id = id(selected);
        List<DeliveryChoice> choices = getSent();
        if (id.isEmpty() || choices.stream().anyMatch(c -> c.id() == id.getAsLong())) {
            return choices;
        }
        long wanted = id.getAsLong();
        DeliveryChoice other = others.computeIfAbsent(
                wanted, key -> deliveries.choice(key).orElseGet(() -> new DeliveryChoice(key, "#" + key, null)));
        List<DeliveryChoice> all = new ArrayList<>(choices);
        all.add(other);
        return all;
    }

    /** What the menu shows: the label and, for a delivery that started, when. */
    public String label(DeliveryChoice choice) {
        if (choice.startedAt() == null) {
            return choice.label();
        }
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(ZoneId.systemDefault());
        return choice.label() + " · " + format.format(choice.startedAt());
    }

    private static OptionalLong id(String raw) {
        if (raw == null || !raw.strip().matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(raw.strip());
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }
}

package io.crosscast.web.condition;

import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.TrackingLogRule;
import io.crosscast.audience.condition.TrackingLogRule.Actors;
import io.crosscast.audience.condition.TrackingLogRule.LogType;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A tracking-log rule as the condition builder edits it ({@link TrackingLogRule}): the kind of log, the link
 * (by label, by URL or both), the delivery (any, one, or the incoming one), the period (any time, the last N
 * days, or from and/or to a day), whose logs count (people, machines or all: people for a new row, all for a
 * rule loaded without the option, as it has always meant) and the count (at least N, or none).
 *
 * <p>Text is kept as typed: the validator reports what is empty or does not read, the compiler strips it.
 */
public final class TrackingLogRow extends ConditionRow {

    private static final long serialVersionUID = 1L;

    /** {@link #getLinkMatch()}: any link. */
    public static final String LINK_ANY = "any";
    /** {@link #getLinkMatch()}: the link's label. */
    public static final String LINK_LABEL = "label";
    /** {@link #getLinkMatch()}: text of the link's URL. */
    public static final String LINK_URL = "url";
    /** {@link #getLinkMatch()}: the label and text of the URL. */
    public static final String LINK_BOTH = "both";
    /** {@link #getPeriod()}: any time. */
    public static final String PERIOD_ANY = "any";
    /** {@link #getPeriod()}: the last N days. */
    public static final String PERIOD_LAST_DAYS = "lastDays";
    /** {@link #getPeriod()}: from a day and/or to a day. */
    public static final String PERIOD_DATES = "dates";
    /** {@link #getCount()}: at least N logs (1 when no number is typed). */
    public static final String COUNT_AT_LEAST = "atLeast";
    /** {@link #getCount()}: no matching log. */
    public static final String COUNT_NONE = "none";

    /** What the form edits, to tell whether a loaded rule was changed. */
    private record State(
            LogType type,
            String linkMatch,
            String label,
            String urlContains,
            String delivery,
            String period,
            String days,
            String from,
            String to,
            Actors actors,
            String count,
            String atLeast)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private LogType type = LogType.CLICK;
    private String linkMatch = LINK_ANY;
    private String label;
    private String urlContains;
    private String delivery;
    private String period = PERIOD_ANY;
    private String days;
    private String from;
    private String to;
    private Actors actors = Actors.PEOPLE;
    private String count = COUNT_AT_LEAST;
    private String atLeast;
    /** The rule this row was loaded from, given back as it was while the row is unchanged. */
    private TrackingLogRule loaded;

    private State loadedState;

    /**
     * A row showing {@code rule}; {@link #toRule()} gives it back unchanged (even options the form cannot
     * show, such as unknown ones, which the validator reports) until the row is edited.
     */
    static TrackingLogRow of(TrackingLogRule rule) {
        TrackingLogRow row = new TrackingLogRow();
        row.type =
                rule.option(TrackingLogRule.TYPE).flatMap(LogType::fromJsonName).orElse(LogType.ANY);
        row.label = rule.option(TrackingLogRule.LABEL).orElse(null);
        row.urlContains = rule.option(TrackingLogRule.URL_CONTAINS).orElse(null);
        row.linkMatch = row.label != null
                ? (row.urlContains != null ? LINK_BOTH : LINK_LABEL)
                : row.urlContains != null ? LINK_URL : LINK_ANY;
        row.delivery = rule.option(TrackingLogRule.DELIVERY)
                .map(String::strip)
                .map(d -> d.equalsIgnoreCase(TrackingLogRule.INCOMING) ? TrackingLogRule.INCOMING : d)
                .orElse(null);
        Optional<String> inLastDays = rule.option(TrackingLogRule.IN_LAST_DAYS);
        row.from = rule.option(TrackingLogRule.FROM).orElse(null);
        row.to = rule.option(TrackingLogRule.TO).orElse(null);
        if (inLastDays.isPresent()) {
            row.period = PERIOD_LAST_DAYS;
            row.days = inLastDays.get();
        } else if (row.from != null || row.to != null) {
            row.period = PERIOD_DATES;
        }
        boolean none = rule.option(TrackingLogRule.NONE)
                .map(v -> v.strip().equals("true"))
                .orElse(false);
        row.count = none ? COUNT_NONE : COUNT_AT_LEAST;
        row.atLeast = rule.option(TrackingLogRule.AT_LEAST).orElse(null);
        row.actors = rule.option(TrackingLogRule.ACTORS)
                .flatMap(Actors::fromJsonName)
                .orElse(Actors.ALL);
        row.loaded = rule;
        row.loadedState = row.state();
        return row;
    }

    /**
     * The rule as the compiler reads it: the loaded rule itself while the row is unchanged, else the rule
     * the form shows ({@link #build()}).
     */
    TrackingLogRule toRule() {
        return loaded != null && state().equals(loadedState) ? loaded : build();
    }

    @Override
    public Condition toCondition() {
        return toRule();
    }

    /**
     * The rule the form shows. An option the form leaves at its default is left out ({@code type} any, any
     * link, any delivery, any time, at least one log); a link text chosen but not typed is written empty,
     * and a number of days chosen but not typed too, so that the validator asks for them.
     */
    TrackingLogRule build() {
        TrackingLogRule.Builder rule = TrackingLogRule.builder();
        if (type != LogType.ANY) {
            rule.type(type);
        }
        if (LINK_URL.equals(linkMatch) || LINK_BOTH.equals(linkMatch)) {
            rule.urlContains(nullToEmpty(urlContains));
        }
        if (LINK_LABEL.equals(linkMatch) || LINK_BOTH.equals(linkMatch)) {
            rule.label(nullToEmpty(label));
        }
        if (!isBlank(delivery)) {
            rule.option(TrackingLogRule.DELIVERY, delivery.strip());
        }
        if (PERIOD_DATES.equals(period)) {
            if (!isBlank(from)) {
                rule.option(TrackingLogRule.FROM, from.strip());
            }
            if (!isBlank(to)) {
                rule.option(TrackingLogRule.TO, to.strip());
            }
        } else if (PERIOD_LAST_DAYS.equals(period)) {
            rule.option(TrackingLogRule.IN_LAST_DAYS, nullToEmpty(days).strip());
        }
        if (actors != Actors.ALL) {
            rule.actors(actors);
        }
        if (COUNT_NONE.equals(count)) {
            rule.none();
        } else if (!isBlank(atLeast)) {
            rule.option(TrackingLogRule.AT_LEAST, atLeast.strip());
        }
        return rule.build();
    }

    private State state() {
        return new State(type, linkMatch, label, urlContains, delivery, period, days, from, to, actors, count, atLeast);
    }

    @Override
    public String getKind() {
        return "trackingLog";
    }

    /** The kinds of log, for the menu: any first, as it is the default of the model. */
    public List<LogType> getTypes() {
        return List.of(LogType.ANY, LogType.OPEN, LogType.CLICK, LogType.UNSUBSCRIBE);
    }

    /** Whose logs count, for the menu: people first, the default of a new row. */
    public List<Actors> getActorChoices() {
        return List.of(Actors.PEOPLE, Actors.MACHINES, Actors.ALL);
    }

    public Actors getActors() {
        return actors;
    }

    public void setActors(Actors actors) {
        this.actors = actors == null ? Actors.ALL : actors;
    }

    /** How links can be chosen, for the menu: {@value #LINK_ANY}, {@value #LINK_LABEL}... */
    public List<String> getLinkMatches() {
        return List.of(LINK_ANY, LINK_LABEL, LINK_URL, LINK_BOTH);
    }

    /** The periods, for the menu. */
    public List<String> getPeriods() {
        return List.of(PERIOD_ANY, PERIOD_LAST_DAYS, PERIOD_DATES);
    }

    /** The counts, for the menu. */
    public List<String> getCounts() {
        return List.of(COUNT_AT_LEAST, COUNT_NONE);
    }

    /** Whether the label is asked for. */
    public boolean isLabelShown() {
        return LINK_LABEL.equals(linkMatch) || LINK_BOTH.equals(linkMatch);
    }

    /** Whether the text of the URL is asked for. */
    public boolean isUrlShown() {
        return LINK_URL.equals(linkMatch) || LINK_BOTH.equals(linkMatch);
    }

    /** Whether the delivery is the one of the incoming transition. */
    public boolean isIncoming() {
        return delivery != null && delivery.strip().toLowerCase(Locale.ROOT).equals(TrackingLogRule.INCOMING);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public LogType getType() {
        return type;
    }

    public void setType(LogType type) {
        this.type = type == null ? LogType.ANY : type;
    }

    public String getLinkMatch() {
        return linkMatch;
    }

    public void setLinkMatch(String linkMatch) {
        this.linkMatch = linkMatch == null ? LINK_ANY : linkMatch;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getUrlContains() {
        return urlContains;
    }

    public void setUrlContains(String urlContains) {
        this.urlContains = urlContains;
    }

    /** A delivery id, {@value TrackingLogRule#INCOMING}, or null for any delivery. */
    public String getDelivery() {
        return delivery;
    }

    public void setDelivery(String delivery) {
        this.delivery = delivery;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period == null ? PERIOD_ANY : period;
    }

    public String getDays() {
        return days;
    }

    public void setDays(String days) {
        this.days = days;
    }

    /** The first day, yyyy-MM-dd. */
    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    /** The last day, yyyy-MM-dd. */
    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getCount() {
        return count;
    }

    public void setCount(String count) {
        this.count = count == null ? COUNT_AT_LEAST : count;
    }

    /** The least number of logs; blank for one. */
    public String getAtLeast() {
        return atLeast;
    }

    public void setAtLeast(String atLeast) {
        this.atLeast = atLeast;
    }
}

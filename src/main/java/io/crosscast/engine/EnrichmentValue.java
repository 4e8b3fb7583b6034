package io.crosscast.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One value an Enrichment activity adds to each recipient of its population, from a fixed set of sources (never SQL
 * from the marketer). Later activities of the run read it by its name: in conditions as the field
 * {@code enrichment.<name>}.
 *
 * @param name       a safe identifier ({@link #NAME}), unique in its activity
 * @param source     where the value comes from
 * @param days       the window of {@link Source#windowed()} sources, in days back from the run's clock; 0 otherwise
 * @param peopleOnly for tracking sources: count only the logs classified as made by people (not scanners or
 *                   privacy proxies)
 * @param field      for {@link Source#RECIPIENT_FIELD}: the public name of the recipient field copied; else null
 */
public record EnrichmentValue(String name, Source source, int days, boolean peopleOnly, String field) {

    /** A value's name: a letter, then letters, digits or _, at most 40 characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    /** The recipient fields a value may copy (text fields of table recipient, by public name). */
    public static final List<String> FIELDS =
            List.of("firstName", "lastName", "email", "mobilePhone", "country", "language", "status");

    /** The most days back a windowed source may look. */
    public static final int MAX_DAYS = 3650;

    /** Where a value comes from. */
    public enum Source {
        /** How many clicks the recipient made in the last {@code days} days (any delivery). */
        CLICKS("clicks", true, true),
        /** How many opens in the last {@code days} days (any delivery). */
        OPENS("opens", true, true),
        /** When the recipient last clicked (no value if never). */
        LAST_CLICK("lastClick", false, true),
        /** When the recipient last opened (no value if never). */
        LAST_OPEN("lastOpen", false, true),
        /** How many messages were sent to the recipient in the last {@code days} days (any channel). */
        MESSAGES_SENT("messagesSent", true, false),
        /** A copy of one of the recipient's {@link #FIELDS}. */
        RECIPIENT_FIELD("recipientField", false, false);

        private final String jsonName;
        private final boolean windowed;
        private final boolean tracking;

        Source(String jsonName, boolean windowed, boolean tracking) {
            this.jsonName = jsonName;
            this.windowed = windowed;
            this.tracking = tracking;
        }

        /** The name in the workflow format, e.g. {@code clicks}. */
        public String jsonName() {
            return jsonName;
        }

        /** Counts over the last {@code days} days. */
        public boolean windowed() {
            return windowed;
        }

        /** Reads the tracking logs (so people only / everyone applies). */
        public boolean tracking() {
            return tracking;
        }

        /** Whether the value is a number (else a date: last*, or a text: recipientField). */
        public boolean numeric() {
            return windowed;
        }

        public static Optional<Source> fromJsonName(String name) {
            return Arrays.stream(values()).filter(s -> s.jsonName.equals(name)).findFirst();
        }
    }

    public EnrichmentValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a value name: " + name);
        }
        if (source == Source.RECIPIENT_FIELD && !FIELDS.contains(field)) {
            throw new IllegalArgumentException("Not a field a value may copy: " + field);
        }
    }
}

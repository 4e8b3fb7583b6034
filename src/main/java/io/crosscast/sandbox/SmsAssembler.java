package io.crosscast.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts concatenated messages back together: parts are grouped by sender's system id, source, destination,
 * concatenation reference and number of parts, and the group is handed back, in part order, once every
 * part arrived. A part that arrives twice replaces the first copy. Groups still incomplete after a while are
 * handed back by {@link #expire}, with null for the missing parts. Not thread-safe: the caller locks.
 *
 * @param <T> what is kept of each part
 */
final class SmsAssembler<T> {

    /** What identifies the parts of one message. */
    record Key(String systemId, String from, String to, int reference, int total) {}

    private static final class Group<T> {
        private final Instant started;
        private final Object[] parts;
        private int received;

        Group(Instant started, int total) {
            this.started = started;
            this.parts = new Object[total];
        }
    }

    private final Map<Key, Group<T>> groups = new LinkedHashMap<>();

    /**
     * Adds part {@code number} (from 1) of the message {@code key}; returns every part in order when this one
     * completes it.
     *
     * @throws IllegalArgumentException if the number is not from 1 to the key's total
     */
    Optional<List<T>> add(Key key, int number, T part, Instant now) {
        if (number < 1 || number > key.total()) {
            throw new IllegalArgumentException("Part " + number + " of " + key.total());
        }
        Group<T> group = groups.computeIfAbsent(key, k -> new Group<>(now, k.total()));
        if (group.parts[number - 1] == null) {
            group.received++;
        }
        group.parts[number - 1] = part;
        if (group.received < key.total()) {
            return Optional.empty();
        }
        groups.remove(key);
        return Optional.of(list(group));
    }

    /** The groups started before {@code now - maxAge}, removed: their parts in order, null where missing. */
    List<List<T>> expire(Instant now, Duration maxAge) {
        Instant limit = now.minus(maxAge);
        List<List<T>> expired = new ArrayList<>();
        for (Iterator<Group<T>> it = groups.values().iterator(); it.hasNext(); ) {
            Group<T> group = it.next();
            if (group.started.isBefore(limit)) {
                expired.add(list(group));
                it.remove();
            }
        }
        return expired;
    }

    /** How many messages wait for parts. */
    int waiting() {
        return groups.size();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Group<T> group) {
        return (List<T>) Arrays.asList(Arrays.copyOf(group.parts, group.parts.length));
    }
}

package io.crosscast.crash.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a peer (SMTP sink, SMSC) received, per recipient, against what was targeted: who got nothing, who was
 * not targeted, who got more than one message.
 */
public final class Arrivals {

    private final Map<String, List<String>> perRecipient = new HashMap<>();
    private final List<String> missing;
    private final List<String> strangers;
    private final Map<String, List<String>> duplicates = new TreeMap<>();
    private final long total;

    /**
     * @param targeted the recipients' addresses
     * @param received address and message id of each message received, in order
     */
    public Arrivals(Collection<String> targeted, List<Map.Entry<String, String>> received) {
        received.forEach(r ->
                perRecipient.computeIfAbsent(r.getKey(), a -> new ArrayList<>()).add(r.getValue()));
        missing = targeted.stream().filter(a -> !perRecipient.containsKey(a)).toList();
        Set<String> expected = Set.copyOf(targeted);
        strangers = perRecipient.keySet().stream()
                .filter(a -> !expected.contains(a))
                .sorted()
                .toList();
        perRecipient.forEach((address, ids) -> {
            if (ids.size() > 1) {
                duplicates.put(address, ids);
            }
        });
        total = received.size();
    }

    /** The message ids {@code address} received, in order (empty if none). */
    public List<String> ids(String address) {
        return perRecipient.getOrDefault(address, List.of());
    }

    /** The recipients who got more than one message, with their message ids. */
    public Map<String, List<String>> duplicates() {
        return duplicates;
    }

    /** Every targeted recipient got a message, nobody else did, and at most {@code bound} recipients got two. */
    public void assertEveryoneAndDuplicatesAtMost(int bound) {
        assertEquals(
                List.of(),
                missing.stream().limit(20).toList(),
                missing.size() + " recipients got nothing (first ones listed)");
        assertEquals(List.of(), strangers, "messages to addresses that were not targeted");
        assertTrue(
                duplicates.size() <= bound,
                duplicates.size() + " recipients got two messages or more, bound " + bound + ": "
                        + duplicatesBriefly());
        duplicates.forEach((address, ids) -> assertEquals(2, ids.size(), address + " got " + ids.size() + " messages"));
    }

    /** For the test's report: messages in all, duplicates (the first few), missing. */
    public String summary() {
        return String.format(
                "%,d messages in all, %d duplicate(s) %s, %d missing",
                total, duplicates.size(), duplicatesBriefly(), missing.size());
    }

    private String duplicatesBriefly() {
        return duplicates.entrySet().stream()
                .limit(5)
                .map(String::valueOf)
                .collect(Collectors.joining(", ", "{", duplicates.size() > 5 ? ", ...}" : "}"));
    }
}

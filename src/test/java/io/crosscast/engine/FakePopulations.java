package io.crosscast.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * In-memory {@link Populations} over sets of ids and a fake recipient table. Conditions: "all", "none",
 * "ids:1,2,3", or "field=value" terms joined by "&amp;" (e.g. "opened=false&amp;clicked=false"). A value
 * "$key" is the data attached to the incoming populations under that key (e.g. "opened=$deliveryId": the
 * recipients whose field "opened" holds the incoming delivery id); a missing key matches no one.
 */
public final class FakePopulations implements Populations {

    private final Map<Long, Map<String, String>> recipients = new HashMap<>();
    private final Map<String, Set<Long>> store = new HashMap<>();
    private int next;

    /** Add a recipient with fields given as "key=value" pairs. */
    public FakePopulations recipient(long id, String... fields) {
        Map<String, String> row = new HashMap<>();
        for (String f : fields) {
            String[] kv = f.split("=", 2);
            row.put(kv[0], kv[1]);
        }
        recipients.put(id, row);
        return this;
    }

    public PopulationHandle of(Long... ids) {
        return put(new TreeSet<>(Arrays.asList(ids)));
    }

    public Set<Long> ids(PopulationHandle h) {
        Set<Long> ids = store.get(h.id());
        if (ids == null) {
            throw new IllegalArgumentException("Unknown population " + h);
        }
        return Collections.unmodifiableSet(ids);
    }

    public int size() {
        return store.size();
    }

    private PopulationHandle put(Set<Long> ids) {
        String id = "p" + (++next);
        store.put(id, new TreeSet<>(ids));
        return new PopulationHandle(id);
    }

    private boolean matches(long id, String condition, Map<String, String> data) {
        String c = condition.trim();
        if (c.equals("all")) {
            return true;
        }
        if (c.equals("none")) {
            return false;
        }
        if (c.startsWith("ids:")) {
            return Arrays.stream(c.substring(4).split(","))
                    .map(String::trim)
                    .map(Long::valueOf)
                    .anyMatch(x -> x == id);
        }
        Map<String, String> row = recipients.getOrDefault(id, Map.of());
        for (String term : c.split("&")) {
            String[] kv = term.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Bad fake condition " + condition);
            }
            String wanted = kv[1].trim();
            if (wanted.startsWith("$")) {
                wanted = data.get(wanted.substring(1));
            }
            if (wanted == null || !wanted.equals(row.get(kv[0].trim()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public PopulationHandle empty() {
        return put(Set.of());
    }

    @Override
    public long count(PopulationHandle population) {
        return ids(population).size();
    }

    @Override
    public PopulationHandle union(List<PopulationHandle> populations) {
        Set<Long> all = new TreeSet<>();
        populations.forEach(p -> all.addAll(ids(p)));
        return put(all);
    }

    @Override
    public PopulationHandle intersection(List<PopulationHandle> populations) {
        if (populations.isEmpty()) {
            return empty();
        }
        Set<Long> all = new TreeSet<>(ids(populations.get(0)));
        populations.forEach(p -> all.retainAll(ids(p)));
        return put(all);
    }

    @Override
    public PopulationHandle exclusion(PopulationHandle main, List<PopulationHandle> minus) {
        Set<Long> all = new TreeSet<>(ids(main));
        minus.forEach(p -> all.removeAll(ids(p)));
        return put(all);
    }

    @Override
    public PopulationHandle copy(PopulationHandle population) {
        return put(ids(population));
    }

    @Override
    public PopulationHandle filter(PopulationHandle population, String conditionJson, Map<String, String> data) {
        return put(ids(population).stream()
                .filter(id -> matches(id, conditionJson, data))
                .collect(Collectors.toSet()));
    }

    @Override
    public PopulationHandle query(String conditionJson, Map<String, String> data) {
        Set<Long> universe = new TreeSet<>(recipients.keySet());
        return put(
                universe.stream().filter(id -> matches(id, conditionJson, data)).collect(Collectors.toSet()));
    }

    @Override
    public PopulationHandle sample(PopulationHandle population, long n, long seed) {
        List<Long> list = new ArrayList<>(ids(population));
        Collections.shuffle(list, new Random(seed));
        return put(new TreeSet<>(list.subList(0, (int) Math.min(n, list.size()))));
    }

    /** The first n by a field of the fake recipients (compared as text; no value last; ties by id). */
    @Override
    public PopulationHandle first(PopulationHandle population, long n, String field, boolean descending) {
        java.util.Comparator<Long> byValue = java.util.Comparator.comparing(
                id -> recipients.getOrDefault(id, Map.of()).get(field),
                java.util.Comparator.nullsLast(
                        descending
                                ? java.util.Comparator.<String>reverseOrder()
                                : java.util.Comparator.<String>naturalOrder()));
        return put(ids(population).stream()
                .sorted(byValue.thenComparing(id -> id))
                .limit(n)
                .collect(Collectors.toSet()));
    }

    @Override
    public PopulationHandle deduplicate(PopulationHandle population, String key) {
        Map<String, Long> first = new HashMap<>();
        Set<Long> kept = new LinkedHashSet<>();
        for (Long id : new TreeSet<>(ids(population))) {
            String value = recipients.getOrDefault(id, Map.of()).get(key);
            if (value == null) {
                kept.add(id);
            } else if (first.putIfAbsent(value, id) == null) {
                kept.add(id);
            }
        }
        return put(kept);
    }

    /** What {@link #enrich} was asked: per call, the population, the values and the instant. */
    public record Enriched(PopulationHandle population, List<EnrichmentValue> values, java.time.Instant now) {}

    public final List<Enriched> enriched = new ArrayList<>();

    /** Records the call; one value written per member and value. */
    @Override
    public long enrich(PopulationHandle population, List<EnrichmentValue> values, java.time.Instant now) {
        enriched.add(new Enriched(population, List.copyOf(values), now));
        return (long) ids(population).size() * values.size();
    }
}

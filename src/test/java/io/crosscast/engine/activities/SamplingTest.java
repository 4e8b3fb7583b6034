package io.crosscast.engine.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityException;
import io.crosscast.engine.FakePopulations;
import io.crosscast.engine.Flow;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Limits of Split subsets and of Query: "N" or "N %", at random (seeded) or the first N by a field. */
class SamplingTest {

    private final FakePopulations pops = new FakePopulations();
    private final List<Text> log = new ArrayList<>();

    SamplingTest() {
        // recipients 1..20: createdAt = "2026-01-<id>" (zero-padded), gold = 1..10; 20 has no createdAt
        for (long id = 1; id <= 20; id++) {
            if (id == 20) {
                pops.recipient(id, "gold=false");
            } else {
                pops.recipient(id, String.format("createdAt=2026-01-%02d", id), "gold=" + (id <= 10));
            }
        }
    }

    private Set<Long> run(ActivityDefinition def, String runId) {
        assertEquals(List.of(), new QueryActivity().validate(def));
        ActivityContext ctx = new ActivityContext(
                def,
                runId,
                Instant.EPOCH,
                Map.of(),
                Set.of(),
                Map.of(),
                pops,
                (activity, line) -> log.add(line),
                Map.of());
        NextAction.Done done = (NextAction.Done) new QueryActivity().execute(ctx);
        return pops.ids(done.outputs().get("out"));
    }

    private static ActivityDefinition query(String... config) {
        return new ActivityDefinition("q", Types.QUERY, Flow.config(config));
    }

    @Test
    void queryLimitInPercentKeepsARandomSampleAndLogsItsSeed() {
        Set<Long> kept = run(query("condition=all", "limit=25 %"), "run-1");
        assertEquals(5, kept.size()); // 25% of 20
        Text last = log.get(log.size() - 1);
        assertEquals("sample.log.random", last.key());
        String seed = String.valueOf(last.args().get(3));
        // the seed in the log draws the same recipients when given as the setting
        assertEquals(kept, run(query("condition=all", "limit=25%", "seed=" + seed), "another-run"));
    }

    @Test
    void theSameRunDrawsTheSameSampleAndAnotherRunAnother() {
        Set<Long> first = run(query("condition=all", "limit=8"), "run-1");
        assertEquals(first, run(query("condition=all", "limit=8"), "run-1"));
        assertNotEquals(first, run(query("condition=all", "limit=8"), "run-2"));
    }

    @Test
    void firstNByAFieldDescendingKeepsTheMostRecentAndPutsMissingValuesLast() {
        assertEquals(Set.of(19L, 18L, 17L), run(query("condition=all", "limit=3", "limitOrder=createdAt desc"), "r"));
        assertEquals(Set.of(1L, 2L), run(query("condition=all", "limit=10%", "limitOrder=createdAt ASC"), "r"));
        assertEquals("sample.log.first", log.get(log.size() - 1).key());
        Set<Long> nineteen = run(query("condition=all", "limit=19", "limitOrder=createdAt desc"), "r");
        assertTrue(!nineteen.contains(20L), "no value: last");
    }

    @Test
    void aLimitAboveTheCountKeepsEveryone() {
        assertEquals(10, run(query("condition=gold=true", "limit=50"), "r").size());
        assertEquals("sample.log.whole", log.get(log.size() - 1).key());
    }

    @Test
    void splitSubsetsKeepTheFirstByAField() {
        ActivityDefinition def = new ActivityDefinition(
                "s",
                Types.SPLIT,
                Flow.config(
                        "subset.1.condition=gold=true",
                        "subset.1.limit=2",
                        "subset.1.limitOrder=createdAt desc",
                        "subset.2.condition=all",
                        "subset.2.limit=50%"));
        SplitActivity split = new SplitActivity();
        assertEquals(List.of(), split.validate(def));
        PopulationHandle input =
                pops.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
        NextAction.Done done = (NextAction.Done) split.execute(Flow.context(def, input, pops, Instant.EPOCH, Map.of()));
        assertEquals(Set.of(10L, 9L), pops.ids(done.outputs().get("subset1")));
        assertEquals(5, pops.ids(done.outputs().get("subset2")).size()); // half of 11..20
    }

    @Test
    void malformedOrdersAndLimitsAreProblems() {
        assertEquals(
                List.of("sample.badOrder"),
                new QueryActivity()
                        .validate(query("condition=all", "limit=3", "limitOrder=createdAt sideways")).stream()
                                .map(Text::key)
                                .toList());
        assertEquals(
                List.of("sample.badLimit"),
                new QueryActivity()
                        .validate(query("condition=all", "limit=ten")).stream()
                                .map(Text::key)
                                .toList());
        assertEquals(
                List.of("split.badLimit"),
                new SplitActivity()
                                .validate(new ActivityDefinition(
                                        "s",
                                        Types.SPLIT,
                                        Flow.config("subset.1.limit=3", "subset.1.limitOrder=by name")))
                                .stream()
                                .map(Text::key)
                                .toList());
        assertThrows(ActivityException.class, () -> Sampling.Order.parse("1x asc"));
    }
}

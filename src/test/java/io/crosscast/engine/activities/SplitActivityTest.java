package io.crosscast.engine.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.FakePopulations;
import io.crosscast.engine.Flow;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitActivityTest {

    private final FakePopulations pops = new FakePopulations();
    private final SplitActivity split = new SplitActivity();

    SplitActivityTest() {
        // recipients 1..10: gold = 1-4, young = even ids
        for (long id = 1; id <= 10; id++) {
            pops.recipient(id, "gold=" + (id <= 4), "young=" + (id % 2 == 0));
        }
    }

    private Map<String, PopulationHandle> run(String... config) {
        ActivityDefinition def = new ActivityDefinition("s", Types.SPLIT, Flow.config(config));
        assertEquals(List.of(), split.validate(def));
        PopulationHandle input = pops.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        NextAction action = split.execute(Flow.context(def, input, pops, Instant.EPOCH, Map.of()));
        return ((NextAction.Done) action).outputs();
    }

    private Set<Long> ids(Map<String, PopulationHandle> outputs, String output) {
        return pops.ids(outputs.get(output));
    }

    @Test
    void aSubsetNumberTooLargeForAnIntIsAProblemNotACrash() {
        ActivityDefinition def = new ActivityDefinition(
                "s", Types.SPLIT, Flow.config("subset.1.condition=gold=true", "subset.99999999999.label=Huge"));
        assertEquals(
                List.of("split.badKeys"),
                split.validate(def).stream().map(t -> t.key()).toList());
    }

    @Test
    void exclusiveSendsEachRecipientToItsFirstMatchingSubset() {
        var out = run("subset.1.condition=gold=true", "subset.2.condition=young=true");
        assertEquals(Set.of(1L, 2L, 3L, 4L), ids(out, "subset1"));
        assertEquals(Set.of(6L, 8L, 10L), ids(out, "subset2"));
        assertEquals(Set.of("subset1", "subset2"), out.keySet());
    }

    @Test
    void overlapEvaluatesEverySubsetOnTheWholeInput() {
        var out = run("subset.1.condition=gold=true", "subset.2.condition=young=true", "overlap=true");
        assertEquals(Set.of(1L, 2L, 3L, 4L), ids(out, "subset1"));
        assertEquals(Set.of(2L, 4L, 6L, 8L, 10L), ids(out, "subset2"));
    }

    @Test
    void complementHoldsThoseInNoSubset() {
        var out = run("subset.1.condition=gold=true", "subset.2.condition=young=true", "complement=true");
        assertEquals(Set.of(5L, 7L, 9L), ids(out, "complement"));
        assertEquals(
                List.of("subset1", "subset2", "complement"),
                split.outputs(new ActivityDefinition(
                        "s",
                        Types.SPLIT,
                        Flow.config("subset.1.condition=a=b", "subset.2.label=x", "complement=true"))));
    }

    @Test
    void subsetWithoutConditionTakesEveryoneLeft() {
        var out = run("subset.1.condition=gold=true", "subset.2.label=the rest");
        assertEquals(Set.of(5L, 6L, 7L, 8L, 9L, 10L), ids(out, "subset2"));
    }

    @Test
    void countLimitSamplesAndCutRecipientsDoNotFallIntoLaterSubsetsButIntoTheComplement() {
        var out = run(
                "subset.1.condition=gold=true", "subset.1.limit=2", "subset.2.condition=young=true", "complement=true");
        Set<Long> first = ids(out, "subset1");
        assertEquals(2, first.size());
        assertTrue(Set.of(1L, 2L, 3L, 4L).containsAll(first));
        // 2 and 4 are gold AND young: claimed by subset 1 even if cut by its limit
        assertEquals(Set.of(6L, 8L, 10L), ids(out, "subset2"));
        Set<Long> expectedComplement = new HashSet<>(Set.of(1L, 2L, 3L, 4L, 5L, 7L, 9L));
        expectedComplement.removeAll(first);
        assertEquals(expectedComplement, ids(out, "complement"));
    }

    @Test
    void percentLimitIsAShareOfTheSubsetRoundedDown() {
        var out = run("subset.1.condition=all", "subset.1.limit=25%");
        assertEquals(2, ids(out, "subset1").size()); // 25% of 10 = 2.5 -> 2
        var whole = run("subset.1.condition=gold=true", "subset.1.limit=100%");
        assertEquals(Set.of(1L, 2L, 3L, 4L), ids(whole, "subset1"));
    }

    @Test
    void limitAboveTheSubsetSizeKeepsEveryone() {
        var out = run("subset.1.condition=young=true", "subset.1.limit=100");
        assertEquals(Set.of(2L, 4L, 6L, 8L, 10L), ids(out, "subset1"));
    }

    @Test
    void sameSeedSameSample() {
        var a = run("subset.1.condition=all", "subset.1.limit=3", "seed=42");
        var b = run("subset.1.condition=all", "subset.1.limit=3", "seed=42");
        assertEquals(ids(a, "subset1"), ids(b, "subset1"));
    }

    @Test
    void configProblems() {
        assertFalse(split.validate(new ActivityDefinition("s", Types.SPLIT, Map.of()))
                .isEmpty());
        assertFalse(
                split.validate(new ActivityDefinition(
                                "s", Types.SPLIT, Flow.config("subset.1.condition=a=b", "subset.3.condition=c=d")))
                        .isEmpty(),
                "gap in numbering");
        assertFalse(split.validate(new ActivityDefinition("s", Types.SPLIT, Flow.config("subset.1.limit=150%")))
                .isEmpty());
        assertFalse(split.validate(new ActivityDefinition(
                        "s", Types.SPLIT, Flow.config("subset.1.condition=a=b", "overlap=perhaps")))
                .isEmpty());
    }
}

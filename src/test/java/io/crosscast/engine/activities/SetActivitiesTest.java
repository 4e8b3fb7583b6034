package io.crosscast.engine.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.FakePopulations;
import io.crosscast.engine.Flow;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.RunLog;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetActivitiesTest {

    private final FakePopulations pops = new FakePopulations()
            .recipient(1, "email=a@x.io")
            .recipient(2, "email=a@x.io")
            .recipient(3, "email=c@x.io")
            .recipient(4, "mobilePhone=+33600000001")
            .recipient(5, "mobilePhone=+33600000001");

    private NextAction exec(
            io.crosscast.engine.ActivityType type,
            ActivityDefinition def,
            Map<String, PopulationHandle> inputs,
            Set<String> skipped) {
        return type.execute(
                new ActivityContext(def, "r", Instant.EPOCH, inputs, skipped, Map.of(), pops, RunLog.none(), Map.of()));
    }

    private Set<Long> out(NextAction action, String output) {
        return pops.ids(((NextAction.Done) action).outputs().get(output));
    }

    private Map<String, PopulationHandle> inputs(PopulationHandle... handles) {
        Map<String, PopulationHandle> map = new LinkedHashMap<>();
        for (int i = 0; i < handles.length; i++) {
            map.put("t" + (i + 1), handles[i]);
        }
        return map;
    }

    @Test
    void union() {
        var action = exec(
                new UnionActivity(),
                new ActivityDefinition("u", Types.UNION),
                inputs(pops.of(1L, 2L), pops.of(2L, 3L)),
                Set.of());
        assertEquals(Set.of(1L, 2L, 3L), out(action, "out"));
    }

    @Test
    void intersectionAndASkippedInputMakesItEmpty() {
        var def = new ActivityDefinition("i", Types.INTERSECTION);
        assertEquals(
                Set.of(2L, 3L),
                out(
                        exec(
                                new IntersectionActivity(),
                                def,
                                inputs(pops.of(1L, 2L, 3L), pops.of(2L, 3L, 4L)),
                                Set.of()),
                        "out"));
        assertEquals(
                Set.of(), out(exec(new IntersectionActivity(), def, inputs(pops.of(1L, 2L, 3L)), Set.of("t2")), "out"));
    }

    @Test
    void exclusionRemovesTheOthersFromTheMainInput() {
        var def = new ActivityDefinition("x", Types.EXCLUSION, Map.of("main", "t2"));
        var action =
                exec(new ExclusionActivity(), def, inputs(pops.of(1L), pops.of(1L, 2L, 3L, 4L), pops.of(4L)), Set.of());
        assertEquals(Set.of(2L, 3L), out(action, "out"));
        var skippedMain = exec(new ExclusionActivity(), def, inputs(pops.of(1L)), Set.of("t2"));
        assertEquals(Set.of(), out(skippedMain, "out"));
        var wrongMain = exec(
                new ExclusionActivity(),
                new ActivityDefinition("x", Types.EXCLUSION, Map.of("main", "zz")),
                inputs(pops.of(1L), pops.of(2L)),
                Set.of());
        assertInstanceOf(NextAction.Failed.class, wrongMain);
    }

    @Test
    void deduplicationByEmailOrPhone() {
        var all = pops.of(1L, 2L, 3L, 4L, 5L);
        assertEquals(
                Set.of(1L, 3L, 4L, 5L),
                out(
                        exec(
                                new DeduplicationActivity(),
                                new ActivityDefinition("d", Types.DEDUPLICATION, Map.of("key", "email")),
                                inputs(all),
                                Set.of()),
                        "out"));
        assertEquals(
                Set.of(1L, 2L, 3L, 4L),
                out(
                        exec(
                                new DeduplicationActivity(),
                                new ActivityDefinition("d", Types.DEDUPLICATION, Map.of("key", "mobilePhone")),
                                inputs(all),
                                Set.of()),
                        "out"));
    }

    @Test
    void forkCopiesItsInputOnEveryBranch() {
        var def = new ActivityDefinition("f", Types.FORK, Flow.config("branches=3"));
        var fork = new ForkActivity();
        assertEquals(java.util.List.of("out1", "out2", "out3"), fork.outputs(def));
        var action = (NextAction.Done) exec(fork, def, inputs(pops.of(7L, 8L)), Set.of());
        assertEquals(3, action.outputs().size());
        action.outputs().values().forEach(h -> assertEquals(Set.of(7L, 8L), pops.ids(h)));
    }

    @Test
    void testRoutesByCount() {
        var test = new TestActivity();
        var byDefault =
                (NextAction.Done) exec(test, new ActivityDefinition("t", Types.TEST), inputs(pops.of(1L)), Set.of());
        assertEquals(Set.of("true"), byDefault.outputs().keySet());
        var empty = (NextAction.Done) exec(test, new ActivityDefinition("t", Types.TEST), inputs(pops.of()), Set.of());
        assertEquals(Set.of("false"), empty.outputs().keySet());
        var min = (NextAction.Done) exec(
                test, new ActivityDefinition("t", Types.TEST, Map.of("min", "3")), inputs(pops.of(1L, 2L)), Set.of());
        assertEquals(Set.of("false"), min.outputs().keySet());
        var expr = (NextAction.Done) exec(
                test,
                new ActivityDefinition("t", Types.TEST, Map.of("expression", "count <= 2")),
                inputs(pops.of(1L, 2L)),
                Set.of());
        assertEquals(Set.of("true"), expr.outputs().keySet());
        assertEquals(
                1,
                test.validate(new ActivityDefinition("t", Types.TEST, Map.of("expression", "size>2")))
                        .size());
    }
}

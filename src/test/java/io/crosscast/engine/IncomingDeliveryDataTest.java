package io.crosscast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.engine.activities.BuiltInActivities;
import io.crosscast.engine.activities.QueryActivity;
import io.crosscast.engine.activities.SplitActivity;
import io.crosscast.engine.activities.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Query and Split hand the data of their incoming populations to the population port, so that their conditions can
 * refer to the delivery upstream ({@link DataKeys#DELIVERY_ID}). The fake reads "$deliveryId" as that data.
 */
class IncomingDeliveryDataTest {

    private static final Instant T0 = Instant.parse("2025-03-05T10:00:00Z");

    private final FakePopulations pops = new FakePopulations();

    IncomingDeliveryDataTest() {
        // 1-6 targeted; who opened which delivery
        pops.recipient(1, "opened=D-email")
                .recipient(2, "opened=D-email")
                .recipient(3, "opened=D-other")
                .recipient(4, "opened=none")
                .recipient(5, "opened=D-email")
                .recipient(6, "opened=D-reminder");
    }

    @Test
    void theDeliveryKeyIsDeliveryId() {
        assertEquals("deliveryId", DataKeys.DELIVERY_ID);
    }

    @Test
    void splitFiltersWithItsInputData() {
        ActivityDefinition def = new ActivityDefinition(
                "s", Types.SPLIT, Flow.config("subset.1.condition=opened=$deliveryId", "complement=true"));
        PopulationHandle input = pops.of(1L, 2L, 3L, 4L);
        var outputs = ((NextAction.Done) new SplitActivity()
                        .execute(Flow.context(def, input, pops, T0, Map.of(), Map.of(DataKeys.DELIVERY_ID, "D-email"))))
                .outputs();
        assertEquals(Set.of(1L, 2L), pops.ids(outputs.get("subset1")));
        assertEquals(Set.of(3L, 4L), pops.ids(outputs.get("complement")));

        outputs =
                ((NextAction.Done) new SplitActivity().execute(Flow.context(def, input, pops, T0, Map.of()))).outputs();
        assertEquals(Set.of(), pops.ids(outputs.get("subset1")), "no incoming delivery: no one");
    }

    @Test
    void queryQueriesWithItsInputData() {
        ActivityDefinition def = new ActivityDefinition("q", Types.QUERY, Flow.config("condition=opened=$deliveryId"));
        var outputs = ((NextAction.Done) new QueryActivity()
                        .execute(Flow.context(
                                def, pops.empty(), pops, T0, Map.of(), Map.of(DataKeys.DELIVERY_ID, "D-reminder"))))
                .outputs();
        assertEquals(Set.of(6L), pops.ids(outputs.get("out")));
    }

    @Test
    void theDeliveryIdTravelsFromTheDeliveryThroughAWaitToTheSplitAndTheQuery() {
        ActivityRegistry registry = BuiltInActivities.registry().register(new PassThroughDelivery());
        MutableClock clock = new MutableClock(T0);
        Execution execution = new Execution(registry, pops, clock, RunLog.none());
        WorkflowDefinition def = new Flow()
                .a("start", "start")
                .a("query", "query", "condition=ids:1,2,3,4,5")
                .a("email", PassThroughDelivery.TYPE)
                .a("wait", "wait", "days=1")
                .a("fork", "fork")
                .a("split", "split", "subset.1.condition=opened=$deliveryId", "complement=true")
                .a("again", "query", "condition=opened=$deliveryId")
                .a("end1", "end")
                .a("end2", "end")
                .a("end3", "end")
                .t("start", "query")
                .t("query", "email")
                .t("email", "wait")
                .t("wait", "fork")
                .t("fork", "out1", "split")
                .t("fork", "out2", "again")
                .t("split", "subset1", "end1")
                .t("split", "complement", "end2")
                .t("again", "end3")
                .build();
        assertEquals(List.of(), WorkflowValidator.validate(def, registry));
        RunState state = execution.start(def, "run-1");
        clock.advance(java.time.Duration.ofDays(1));
        state = execution.run(def, state);
        assertEquals(RunStatus.FINISHED, state.status());
        assertEquals(3, state.transition("split.subset1>end1").orElseThrow().count());
        assertEquals(2, state.transition("split.complement>end2").orElseThrow().count());
        assertEquals(3, state.transition("again>end3").orElseThrow().count());
        assertEquals(
                "D-email", state.transition("again>end3").orElseThrow().data().get(DataKeys.DELIVERY_ID));
    }
}

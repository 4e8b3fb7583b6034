package io.crosscast.workflow.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.FakePopulations;
import io.crosscast.engine.Flow;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Text;
import io.crosscast.engine.activities.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * An A/B test in a simulation ("dry run") sends nothing: the activity's services (deliveries, the classifier)
 * are left unset here, so any use of them fails the test; it draws the samples and passes them on at once.
 */
class AbTestSimulationTest {

    @Test
    void aSimulatedAbTestDrawsTheSamplesAndSendsNothing() {
        FakePopulations pops = new FakePopulations();
        PopulationHandle input = pops.of(LongStream.rangeClosed(1, 50).boxed().toArray(Long[]::new));
        List<Text> log = new ArrayList<>();
        ActivityDefinition ab = new ActivityDefinition(
                "ab", Types.AB_TEST, Flow.config("deliveries=4,5", "samplePercent=20", "wait=PT1H", "winner=clicks"));
        ActivityContext ctx = new ActivityContext(
                ab,
                "7",
                Instant.parse("2026-12-03T10:00:00Z"),
                Map.of("t1", input),
                Set.of(),
                Map.of(),
                pops,
                (activity, text) -> log.add(text),
                Map.of(),
                true);

        NextAction next = new AbTestActivity().execute(ctx);

        NextAction.Done done = assertInstanceOf(NextAction.Done.class, next);
        assertEquals(10, pops.count(done.outputs().get("variant1")));
        assertEquals(10, pops.count(done.outputs().get("variant2")));
        assertEquals(30, pops.count(done.outputs().get("rest")));
        Set<Long> everyone = new HashSet<>();
        done.outputs().values().forEach(p -> everyone.addAll(pops.ids(p)));
        assertEquals(pops.ids(input), everyone);
        assertTrue(log.stream().anyMatch(t -> t.key().equals("abTest.log.simulated")), log::toString);
    }
}

package io.crosscast.engine.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityException;
import io.crosscast.engine.EnrichmentValue;
import io.crosscast.engine.EnrichmentValue.Source;
import io.crosscast.engine.FakePopulations;
import io.crosscast.engine.Flow;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichmentActivityTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final EnrichmentActivity enrichment = new EnrichmentActivity();
    private final FakePopulations pops = new FakePopulations();

    private static ActivityDefinition def(String... config) {
        return new ActivityDefinition("e", Types.ENRICHMENT, Flow.config(config));
    }

    private List<String> problemKeys(String... config) {
        return enrichment.validate(def(config)).stream().map(Text::key).toList();
    }

    @Test
    void readsEveryKindOfValueWithItsDefaults() {
        List<Text> problems = new ArrayList<>();
        List<EnrichmentValue> values = EnrichmentActivity.values(
                def(
                        "value.1.name=clicks30",
                        "value.1.source=clicks",
                        "value.2.name=opens",
                        "value.2.source=opens",
                        "value.2.days=7",
                        "value.2.actors=everyone",
                        "value.3.name=lastClick",
                        "value.3.source=lastClick",
                        "value.4.name=sent",
                        "value.4.source=messagesSent",
                        "value.4.days=90",
                        "value.5.name=city_",
                        "value.5.source=recipientField",
                        "value.5.field=country"),
                problems);
        assertEquals(List.of(), problems);
        assertEquals(
                List.of(
                        new EnrichmentValue("clicks30", Source.CLICKS, 30, true, null),
                        new EnrichmentValue("opens", Source.OPENS, 7, false, null),
                        new EnrichmentValue("lastClick", Source.LAST_CLICK, 0, true, null),
                        new EnrichmentValue("sent", Source.MESSAGES_SENT, 90, false, null),
                        new EnrichmentValue("city_", Source.RECIPIENT_FIELD, 0, false, "country")),
                values);
    }

    @Test
    void refusesWhatIsNotASafeNameOrAKnownSource() {
        assertEquals(List.of("enrichment.noValue"), problemKeys());
        assertEquals(
                List.of("enrichment.badName"),
                problemKeys("value.1.name=x'; DROP TABLE recipient; --", "value.1.source=clicks"));
        assertEquals(List.of("enrichment.badName"), problemKeys("value.1.name=1st", "value.1.source=clicks"));
        assertEquals(
                List.of("enrichment.badName"), problemKeys("value.1.name=" + "a".repeat(41), "value.1.source=clicks"));
        assertEquals(List.of("enrichment.badSource"), problemKeys("value.1.name=a", "value.1.source=purchases"));
        assertEquals(
                List.of("enrichment.duplicateName"),
                problemKeys("value.1.name=a", "value.1.source=clicks", "value.2.name=a", "value.2.source=opens"));
        assertEquals(List.of("config.required"), problemKeys("value.1.name=a"));
        assertEquals(List.of("enrichment.badKey"), problemKeys("value.1.name=a", "value.1.source=clicks", "sql=1"));
        assertEquals(
                List.of("enrichment.badKey", "enrichment.badKey"),
                problemKeys("value.0.name=a", "value.0.source=clicks"));
    }

    @Test
    void checksTheSettingsOfEachSource() {
        assertEquals(
                List.of("config.outOfRange"), problemKeys("value.1.name=a", "value.1.source=clicks", "value.1.days=0"));
        assertEquals(
                List.of("config.notWholeNumber"),
                problemKeys("value.1.name=a", "value.1.source=opens", "value.1.days=many"));
        assertEquals(
                List.of("enrichment.notFor"),
                problemKeys("value.1.name=a", "value.1.source=lastOpen", "value.1.days=3"));
        assertEquals(
                List.of("enrichment.badActors"),
                problemKeys("value.1.name=a", "value.1.source=clicks", "value.1.actors=robots"));
        assertEquals(
                List.of("enrichment.notFor"),
                problemKeys("value.1.name=a", "value.1.source=messagesSent", "value.1.actors=people"));
        assertEquals(List.of("config.required"), problemKeys("value.1.name=a", "value.1.source=recipientField"));
        assertEquals(
                List.of("enrichment.badField"),
                problemKeys("value.1.name=a", "value.1.source=recipientField", "value.1.field=password"));
        assertEquals(
                List.of("enrichment.notFor"),
                problemKeys("value.1.name=a", "value.1.source=clicks", "value.1.field=email"));
    }

    @Test
    void aGapInTheNumbersIsAMissingValue() {
        assertEquals(
                List.of("config.required", "config.required"), problemKeys("value.2.name=a", "value.2.source=clicks"));
    }

    @Test
    void sharesItsInputUnchangedAndAsksTheStoreForTheValuesAtTheRunsTime() {
        PopulationHandle input = pops.of(1L, 2L, 3L);
        int populationsBefore = pops.size();
        ActivityDefinition def = def("value.1.name=clicks30", "value.1.source=clicks", "value.1.days=30");
        NextAction action = enrichment.execute(Flow.context(def, input, pops, NOW, Map.of()));
        Map<String, PopulationHandle> outputs = ((NextAction.Done) action).outputs();
        assertEquals(Map.of("out", input), outputs);
        assertSame(input, outputs.get("out"));
        assertEquals(populationsBefore, pops.size(), "no population copied");
        assertEquals(1, pops.enriched.size());
        assertEquals(input, pops.enriched.get(0).population());
        assertEquals(NOW, pops.enriched.get(0).now());
        assertEquals(
                List.of(new EnrichmentValue("clicks30", Source.CLICKS, 30, true, null)),
                pops.enriched.get(0).values());
    }

    @Test
    void aBadSettingFailsTheExecutionWithoutWriting() {
        PopulationHandle input = pops.of(1L);
        ActivityException failure = assertThrows(
                ActivityException.class,
                () -> enrichment.execute(
                        Flow.context(def("value.1.name=a", "value.1.source=sql"), input, pops, NOW, Map.of())));
        assertEquals("enrichment.badSource", failure.text().key());
        assertTrue(pops.enriched.isEmpty());
    }

    @Test
    void isABuiltInWithOneInputAndOneOutput() {
        var registry = BuiltInActivities.registry();
        assertSame(EnrichmentActivity.class, registry.get(Types.ENRICHMENT).getClass());
        assertEquals(List.of("out"), enrichment.outputs(def("value.1.name=a", "value.1.source=clicks")));
        assertEquals(1, enrichment.maxInputs());
    }
}

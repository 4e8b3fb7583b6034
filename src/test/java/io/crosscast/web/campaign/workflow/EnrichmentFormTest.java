package io.crosscast.web.campaign.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichmentFormTest {

    private static Map<String, String> config(String... entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put(entries[i], entries[i + 1]);
        }
        return map;
    }

    @Test
    void valuesComeBackAsTheyWereAndOnlyTheSettingsOfTheirSource() {
        Map<String, String> config = config(
                "value.1.name",
                "clicks30",
                "value.1.source",
                "clicks",
                "value.1.days",
                "30",
                "value.1.actors",
                "people",
                "value.2.name",
                "town",
                "value.2.source",
                "recipientField",
                "value.2.field",
                "country",
                "value.3.name",
                "lastOpen",
                "value.3.source",
                "lastOpen",
                "value.3.actors",
                "everyone");
        ActivityForm form = new ActivityForm("e1", "enrichment", "Values", config);
        assertEquals(3, form.getEnrichment().getRows().size());
        assertEquals(config, form.toConfig());

        // A source changed in the dialog keeps only what applies to it; rows are renumbered without gaps.
        form.getEnrichment().getRows().get(0).setSource("messagesSent");
        form.getEnrichment().removeRow(1);
        assertEquals(
                config(
                        "value.1.name",
                        "clicks30",
                        "value.1.source",
                        "messagesSent",
                        "value.1.days",
                        "30",
                        "value.2.name",
                        "lastOpen",
                        "value.2.source",
                        "lastOpen",
                        "value.2.actors",
                        "everyone"),
                form.toConfig());
    }

    @Test
    void aNewEnrichmentOffersOneRowAndARowWithoutANameIsLeftOut() {
        ActivityForm form = new ActivityForm("e1", "enrichment", "Values", Map.of());
        assertEquals(1, form.getEnrichment().getRows().size());
        assertEquals(Map.of(), form.toConfig());
        form.getEnrichment().getRows().get(0).setName("opens7");
        form.getEnrichment().getRows().get(0).setSource("opens");
        form.getEnrichment().getRows().get(0).setDays(7);
        form.getEnrichment().getRows().get(0).setEveryone(true);
        assertEquals(
                config(
                        "value.1.name",
                        "opens7",
                        "value.1.source",
                        "opens",
                        "value.1.days",
                        "7",
                        "value.1.actors",
                        "everyone"),
                form.toConfig());
    }

    @Test
    void otherTypesKeepValueKeysAsTheyAre() {
        ActivityForm form = new ActivityForm("q1", "query", "Q", config("condition", "{}", "value.1.name", "x"));
        assertEquals(config("value.1.name", "x", "condition", "{}"), form.toConfig());
    }
}

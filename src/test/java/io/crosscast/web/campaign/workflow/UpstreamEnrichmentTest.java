package io.crosscast.web.campaign.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.web.condition.EnrichmentField;
import io.crosscast.web.condition.EnrichmentField.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The enrichment fields the condition builder offers: those of the Enrichment activities upstream only. */
class UpstreamEnrichmentTest {

    private static final DiagramDraft DRAFT = DiagramDraft.parse("""
            {"name": "n", "activities": [
              {"id": "start", "type": "start", "x": 10, "y": 20},
              {"id": "query", "type": "query", "x": 100, "y": 20},
              {"id": "enrich", "type": "enrichment", "x": 200, "y": 20, "config": {
                "value.1.name": "clicks", "value.1.source": "clicks", "value.1.days": "30",
                "value.2.name": "lastOpen", "value.2.source": "lastOpen",
                "value.3.name": "city", "value.3.source": "recipientField", "value.3.field": "country",
                "value.4.name": "bad name", "value.4.source": "opens"}},
              {"id": "more", "type": "enrichment", "x": 300, "y": 20, "config": {
                "value.1.name": "clicks", "value.1.source": "lastClick",
                "value.2.name": "sent", "value.2.source": "messagesSent"}},
              {"id": "split", "type": "split", "x": 400, "y": 20},
              {"id": "aside", "type": "enrichment", "x": 300, "y": 120, "config": {
                "value.1.name": "elsewhere", "value.1.source": "opens"}},
              {"id": "end", "type": "end", "x": 500, "y": 20}],
             "transitions": [
              {"from": "start", "to": "query"},
              {"from": "query", "to": "enrich"},
              {"from": "enrich", "to": "more"},
              {"from": "more", "to": "split"},
              {"from": "query", "to": "aside"},
              {"from": "split", "output": "complement", "to": "end"}]}""");

    @Test
    void theValuesOfEveryEnrichmentUpstreamTheNearestFirst() {
        assertEquals(
                List.of(
                        new EnrichmentField("clicks", Kind.DATE),
                        new EnrichmentField("sent", Kind.NUMBER),
                        new EnrichmentField("lastOpen", Kind.DATE),
                        new EnrichmentField("city", Kind.TEXT)),
                UpstreamEnrichment.fields(DRAFT, "split"),
                "an invalid value left out; a name defined twice has the nearest's kind; a side branch is not upstream");
        assertEquals(
                List.of(
                        new EnrichmentField("clicks", Kind.NUMBER),
                        new EnrichmentField("lastOpen", Kind.DATE),
                        new EnrichmentField("city", Kind.TEXT)),
                UpstreamEnrichment.fields(DRAFT, "more"));
        assertEquals(List.of(), UpstreamEnrichment.fields(DRAFT, "query"));
        assertEquals(
                "enrichment.clicks",
                UpstreamEnrichment.fields(DRAFT, "end").get(0).field());
    }
}

package io.crosscast.web.campaign.workflow;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.EnrichmentValue;
import io.crosscast.engine.activities.EnrichmentActivity;
import io.crosscast.engine.activities.Types;
import io.crosscast.web.condition.EnrichmentField;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values the Enrichment activities upstream of an activity add (those on a path of transitions that leads to
 * it), as the condition builder offers them: only they can hold a value when the activity runs. Values are read
 * from the activities' settings as the editor holds them (invalid ones left out); a name two activities define is
 * offered once, with the kind of the nearest.
 */
final class UpstreamEnrichment {

    private UpstreamEnrichment() {}

    static List<EnrichmentField> fields(DiagramDraft draft, String activityId) {
        Map<String, EnrichmentField> fields = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>();
        next.add(activityId);
        seen.add(activityId);
        while (!next.isEmpty()) {
            String current = next.poll();
            for (DiagramDraft.Arrow arrow : draft.getArrows()) {
                if (arrow.to().equals(current) && seen.add(arrow.from())) {
                    next.add(arrow.from());
                    draft.box(arrow.from())
                            .filter(b -> Types.ENRICHMENT.equals(b.getType()))
                            .ifPresent(b -> add(b, fields));
                }
            }
        }
        return List.copyOf(fields.values());
    }

    private static void add(DiagramDraft.Box box, Map<String, EnrichmentField> fields) {
        ActivityDefinition definition =
                new ActivityDefinition(box.getId(), box.getType(), box.getLabel(), box.getConfig());
        for (EnrichmentValue value : EnrichmentActivity.values(definition, new ArrayList<>())) {
            fields.putIfAbsent(value.name(), new EnrichmentField(value.name(), kind(value.source())));
        }
    }

    static EnrichmentField.Kind kind(EnrichmentValue.Source source) {
        if (source.numeric()) {
            return EnrichmentField.Kind.NUMBER;
        }
        return source == EnrichmentValue.Source.RECIPIENT_FIELD ? EnrichmentField.Kind.TEXT : EnrichmentField.Kind.DATE;
    }
}

package io.crosscast.workflow;

import io.crosscast.engine.WorkflowDefinition;
import io.crosscast.workflow.internal.WorkflowFormatException;
import io.crosscast.workflow.internal.WorkflowJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow document (docs/WORKFLOW-FORMAT.md) as a diagram holds it: the engine's definition and where its
 * activities are drawn. Read and written by the format's one reader and writer, so that the diagram editor saves
 * the document the REST API takes and gives back.
 *
 * @param definition the activities (settings in their order) and transitions; the name may be empty
 * @param positions  where each activity that has a position is drawn, by activity id
 */
public record WorkflowDocument(WorkflowDefinition definition, Map<String, Position> positions) {

    /** Where an activity is drawn. */
    public record Position(int x, int y) {}

    public WorkflowDocument {
        positions = Map.copyOf(positions);
    }

    /**
     * Reads a document, unfinished or not: a missing name reads as empty. One that cannot be read is refused with
     * a {@link WorkflowException} saying why (not JSON, an activity without id...).
     */
    public static WorkflowDocument read(String json) {
        Map<String, int[]> xy = new LinkedHashMap<>();
        try {
            WorkflowDefinition definition = WorkflowJson.drawing(json, xy);
            Map<String, Position> positions = new LinkedHashMap<>();
            xy.forEach((id, at) -> positions.put(id, new Position(at[0], at[1])));
            return new WorkflowDocument(definition, positions);
        } catch (WorkflowFormatException e) {
            throw WorkflowException.invalid(List.of(e.getMessage()));
        }
    }

    /** The document: a condition as a JSON object, every other setting as text. */
    public String toJson() {
        Map<String, int[]> xy = new LinkedHashMap<>();
        positions.forEach((id, at) -> xy.put(id, new int[] {at.x(), at.y()}));
        return WorkflowJson.write(definition, xy);
    }
}

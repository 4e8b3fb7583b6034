package io.crosscast.web.campaign.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiagramDraftTest {

    /** docs/WORKFLOW-FORMAT.md, "Complete example". */
    private static final String EXAMPLE = """
            {"name": "Gold and silver follow-up",
             "activities": [
               {"id": "start", "type": "start", "x": 40, "y": 160},
               {"id": "audience", "type": "query", "label": "French recipients", "x": 180, "y": 160,
                "config": {"condition": {"logic": "and", "children": [
                  {"field": "country", "operator": "equals", "values": ["FR"]},
                  {"field": "emailOptOut", "operator": "is_false"}]}}},
               {"id": "wait", "type": "wait", "label": "Two days later", "x": 320, "y": 160,
                "config": {"days": "2"}},
               {"id": "split", "type": "split", "label": "By status", "x": 460, "y": 160,
                "config": {
                  "subset.1.condition": {"field": "status", "operator": "equals", "values": ["GOLD"]},
                  "subset.1.label": "Gold",
                  "subset.2.condition": {"field": "status", "operator": "equals", "values": ["SILVER"]},
                  "subset.2.label": "Silver",
                  "subset.2.limit": "50%",
                  "complement": "true"}},
               {"id": "engaged", "type": "listUpdate", "label": "Engaged list", "x": 600, "y": 60,
                "config": {"list": "Engaged", "mode": "add", "outbound": "true"}},
               {"id": "dedup", "type": "deduplication", "label": "One per email", "x": 600, "y": 160,
                "config": {"key": "email"}},
               {"id": "endGold", "type": "end", "x": 740, "y": 60},
               {"id": "endSilver", "type": "end", "x": 740, "y": 160},
               {"id": "endOthers", "type": "end", "x": 600, "y": 260}],
             "transitions": [
               {"from": "start", "to": "audience"},
               {"from": "audience", "to": "wait"},
               {"from": "wait", "to": "split"},
               {"from": "split", "output": "subset1", "to": "engaged"},
               {"from": "split", "output": "subset2", "to": "dedup"},
               {"from": "split", "output": "complement", "to": "endOthers"},
               {"from": "engaged", "to": "endGold"},
               {"from": "dedup", "to": "endSilver"}]}
            """;

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JsonObject activity(JsonObject document, String id) {
        return document.getJsonArray("activities").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Two boxes and nothing else: a start and a query, unconnected. */
    private static DiagramDraft small() {
        return DiagramDraft.parse("""
                {"name": "n", "activities": [
                  {"id": "start", "type": "start", "x": 10, "y": 20},
                  {"id": "query", "type": "query", "x": 200, "y": 20}],
                 "transitions": []}""");
    }

    private static DiagramDraft.Arrow arrow(String from, String output, String to) {
        return new DiagramDraft.Arrow(from, output, to);
    }

    // ---- reading and writing

    @Test
    void parsingReadsBoxesWithTheirPositionsLabelsAndSettings() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);

        assertEquals(
                List.of("start", "audience", "wait", "split", "engaged", "dedup", "endGold", "endSilver", "endOthers"),
                draft.getBoxes().stream().map(DiagramDraft.Box::getId).toList());
        DiagramDraft.Box split = draft.box("split").orElseThrow();
        assertEquals("split", split.getType());
        assertEquals("By status", split.getLabel());
        assertEquals(460, split.getX());
        assertEquals(160, split.getY());
        assertEquals("Gold", split.getConfig().get("subset.1.label"));
        assertEquals("50%", split.getConfig().get("subset.2.limit"));
        assertEquals("true", split.getConfig().get("complement"));
        // a condition is held as JSON text
        assertEquals(
                read("{\"field\": \"status\", \"operator\": \"equals\", \"values\": [\"GOLD\"]}"),
                read(split.getConfig().get("subset.1.condition")));
        assertEquals("", draft.box("start").orElseThrow().getLabel());
        assertEquals(Map.of("days", "2"), draft.box("wait").orElseThrow().getConfig());
    }

    @Test
    void anArrowWithoutOutputLeavesByOut() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);

        assertEquals(
                List.of(
                        arrow("start", "out", "audience"),
                        arrow("audience", "out", "wait"),
                        arrow("wait", "out", "split"),
                        arrow("split", "subset1", "engaged"),
                        arrow("split", "subset2", "dedup"),
                        arrow("split", "complement", "endOthers"),
                        arrow("engaged", "out", "endGold"),
                        arrow("dedup", "out", "endSilver")),
                draft.getArrows());
    }

    @Test
    void theDocumentComesBackWithConditionsAsObjectsAndPositionsAndLabelsKept() {
        JsonObject original = read(EXAMPLE);
        JsonObject written = read(DiagramDraft.parse(EXAMPLE).toJson());

        assertEquals("Gold and silver follow-up", written.getString("name"));
        for (JsonObject before : original.getJsonArray("activities").getValuesAs(JsonObject.class)) {
            JsonObject after = activity(written, before.getString("id"));
            assertEquals(before.getString("type"), after.getString("type"));
            assertEquals(before.getString("label", ""), after.getString("label", ""));
            assertEquals(before.getInt("x"), after.getInt("x"), before.getString("id"));
            assertEquals(before.getInt("y"), after.getInt("y"), before.getString("id"));
            // every setting as it was: conditions are objects again, not JSON text in a string
            JsonObject config =
                    before.containsKey("config") ? before.getJsonObject("config") : JsonValue.EMPTY_JSON_OBJECT;
            JsonObject writtenConfig =
                    after.containsKey("config") ? after.getJsonObject("config") : JsonValue.EMPTY_JSON_OBJECT;
            assertEquals(config, writtenConfig, before.getString("id"));
        }
        assertEquals(
                original.getJsonArray("activities").size(),
                written.getJsonArray("activities").size());
        assertInstanceOf(
                JsonObject.class,
                activity(written, "audience").getJsonObject("config").get("condition"));
        assertInstanceOf(
                JsonObject.class,
                activity(written, "split").getJsonObject("config").get("subset.2.condition"));
    }

    @Test
    void theWrittenTransitionsNameTheirOutputEvenWhenTheDocumentLeftItOut() {
        JsonObject written = read(DiagramDraft.parse(EXAMPLE).toJson());

        List<String> transitions = new ArrayList<>();
        for (JsonObject t : written.getJsonArray("transitions").getValuesAs(JsonObject.class)) {
            transitions.add(t.getString("from") + "." + t.getString("output") + ">" + t.getString("to"));
        }
        assertEquals(
                List.of(
                        "start.out>audience",
                        "audience.out>wait",
                        "wait.out>split",
                        "split.subset1>engaged",
                        "split.subset2>dedup",
                        "split.complement>endOthers",
                        "engaged.out>endGold",
                        "dedup.out>endSilver"),
                transitions);
    }

    @Test
    void aWrittenDocumentReadsBackToTheSameDocument() {
        String once = DiagramDraft.parse(EXAMPLE).toJson();
        String twice = DiagramDraft.parse(once).toJson();

        assertEquals(read(once), read(twice));
    }

    @Test
    void aConditionSetAsTextIsWrittenAsAnObject() {
        DiagramDraft draft = small();
        draft.update(
                "query",
                "",
                Map.of("condition", "{\"field\":\"status\",\"operator\":\"is_empty\"}"),
                box -> List.of("out"));

        JsonObject config = activity(read(draft.toJson()), "query").getJsonObject("config");
        assertEquals(read("{\"field\":\"status\",\"operator\":\"is_empty\"}"), config.get("condition"));
    }

    // ---- adding and removing boxes

    @Test
    void addedBoxesAreNumberedByType() {
        DiagramDraft draft = small();

        DiagramDraft.Box first = draft.add("wait", "Later", 100, 120);
        DiagramDraft.Box second = draft.add("wait", "", 300, 120);
        DiagramDraft.Box split = draft.add("split", "", 0, 0);

        assertEquals("wait1", first.getId());
        assertEquals("wait2", second.getId());
        assertEquals("split1", split.getId());
        assertEquals("wait", first.getType());
        assertEquals("Later", draft.box("wait1").orElseThrow().getLabel());
        assertEquals(100, first.getX());
        assertEquals(120, first.getY());
        assertEquals(5, draft.getBoxes().size());
    }

    @Test
    void addingNeverGivesAnIdAlreadyInTheDiagram() {
        DiagramDraft draft = DiagramDraft.parse("""
                {"name": "", "activities": [
                  {"id": "query1", "type": "query"}, {"id": "query3", "type": "query"}, {"id": "wait1", "type": "query"}],
                 "transitions": []}""");

        Set<String> ids = new HashSet<>(List.of("query1", "query3", "wait1"));
        for (int i = 0; i < 4; i++) {
            assertTrue(ids.add(draft.add("query", "", 0, 0).getId()), "an id was given twice");
        }
        assertTrue(ids.add(draft.add("wait", "", 0, 0).getId()));
        assertEquals(draft.getBoxes().size(), ids.size());
        assertTrue(draft.box("query2").isPresent());
        assertTrue(draft.box("query4").isPresent());
        assertTrue(draft.box("wait2").isPresent());
    }

    @Test
    void aBoxIsNeverPlacedAtANegativePosition() {
        DiagramDraft.Box box = small().add("end", "", -30, -1);

        assertEquals(0, box.getX());
        assertEquals(0, box.getY());
    }

    @Test
    void removingABoxRemovesItsArrowsBothWays() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);

        assertTrue(draft.remove("split"));

        assertTrue(draft.box("split").isEmpty());
        assertEquals(
                List.of(
                        arrow("start", "out", "audience"),
                        arrow("audience", "out", "wait"),
                        arrow("engaged", "out", "endGold"),
                        arrow("dedup", "out", "endSilver")),
                draft.getArrows());
        assertEquals(8, draft.getBoxes().size());
    }

    @Test
    void removingAnUnknownBoxChangesNothing() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);

        assertFalse(draft.remove("nope"));
        assertEquals(9, draft.getBoxes().size());
        assertEquals(8, draft.getArrows().size());
    }

    // ---- moving

    @Test
    void movingABoxChangesItsPosition() {
        DiagramDraft draft = small();

        assertTrue(draft.move("query", 320, 140));

        DiagramDraft.Box box = draft.box("query").orElseThrow();
        assertEquals(320, box.getX());
        assertEquals(140, box.getY());
        assertEquals(320, activity(read(draft.toJson()), "query").getInt("x"));
    }

    @Test
    void aMoveIsClampedAtZero() {
        DiagramDraft draft = small();

        assertTrue(draft.move("query", -50, -7));

        assertEquals(0, draft.box("query").orElseThrow().getX());
        assertEquals(0, draft.box("query").orElseThrow().getY());
    }

    @Test
    void aMoveToWhereTheBoxIsChangesNothing() {
        DiagramDraft draft = small();

        assertFalse(draft.move("query", 200, 20));
        assertTrue(draft.move("query", -5, 20));
        // clamped to where it now is
        assertFalse(draft.move("query", -99, 20));
        assertFalse(draft.move("query", 0, 20));
    }

    @Test
    void movingOnlyOneCoordinateIsAChange() {
        DiagramDraft draft = small();

        assertTrue(draft.move("query", 200, 21));
        assertTrue(draft.move("query", 201, 21));
    }

    @Test
    void movingAnUnknownBoxIsNoChange() {
        assertFalse(small().move("nope", 5, 5));
    }

    // ---- arrows

    @Test
    void connectingTwoBoxesDrawsAnArrow() {
        DiagramDraft draft = small();

        assertTrue(draft.connect("start", "out", "query"));

        assertEquals(List.of(arrow("start", "out", "query")), draft.getArrows());
    }

    @Test
    void anArrowNeedsBothEndsToExist() {
        DiagramDraft draft = small();

        assertFalse(draft.connect("ghost", "out", "query"));
        assertFalse(draft.connect("start", "out", "ghost"));
        assertTrue(draft.getArrows().isEmpty());
    }

    @Test
    void aBoxCannotBeConnectedToItself() {
        DiagramDraft draft = small();

        assertFalse(draft.connect("query", "out", "query"));
        assertTrue(draft.getArrows().isEmpty());
    }

    @Test
    void anOutputTakesOneArrowOnly() {
        DiagramDraft draft = small();
        draft.add("end", "", 400, 20);
        assertTrue(draft.connect("query", "out", "end1"));

        assertFalse(draft.connect("query", "out", "start"));
        assertFalse(draft.connect("query", "out", "end1"));

        assertEquals(List.of(arrow("query", "out", "end1")), draft.getArrows());
    }

    @Test
    void otherOutputsOfTheSameBoxTakeTheirOwnArrows() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);
        draft.disconnect("split", "subset2", "dedup");

        assertTrue(draft.connect("split", "subset2", "endOthers"));
        assertTrue(draft.connect("split", "subset3", "dedup"));

        assertEquals(Optional.of(arrow("split", "subset2", "endOthers")), draft.arrowFrom("split", "subset2"));
    }

    @Test
    void aBoxTakesSeveralIncomingArrows() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);

        assertTrue(draft.connect("endGold", "out", "endOthers"));
        assertTrue(draft.connect("endSilver", "out", "endOthers"));
        assertEquals(10, draft.getArrows().size());
    }

    @Test
    void disconnectingRemovesThatArrowOnly() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);

        assertTrue(draft.disconnect("split", "subset1", "engaged"));

        assertEquals(7, draft.getArrows().size());
        assertTrue(draft.arrowFrom("split", "subset1").isEmpty());
        assertTrue(draft.arrowFrom("split", "subset2").isPresent());
        assertTrue(draft.box("engaged").isPresent());
    }

    @Test
    void disconnectingAnArrowThatIsNotThereIsNoChange() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);

        assertFalse(draft.disconnect("split", "subset1", "dedup"));
        assertFalse(draft.disconnect("split", "subset9", "engaged"));
        assertFalse(draft.disconnect("ghost", "out", "engaged"));
        assertEquals(8, draft.getArrows().size());
    }

    @Test
    void arrowFromFindsTheArrowLeavingAnOutput() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);

        assertEquals(Optional.of(arrow("split", "complement", "endOthers")), draft.arrowFrom("split", "complement"));
        assertEquals(Optional.of(arrow("wait", "out", "split")), draft.arrowFrom("wait", "out"));
        assertEquals(Optional.empty(), draft.arrowFrom("split", "out"));
        assertEquals(Optional.empty(), draft.arrowFrom("endGold", "out"));
        assertEquals(Optional.empty(), draft.arrowFrom("ghost", "out"));
    }

    @Test
    void anArrowIsNamedLikeTheRunsTransition() {
        assertEquals("split.subset1>gold", arrow("split", "subset1", "gold").id());
        assertEquals("start.out>audience", arrow("start", "out", "audience").id());
    }

    @Test
    void anArrowNeedsAllItsParts() {
        assertThrows(NullPointerException.class, () -> arrow(null, "out", "b"));
        assertThrows(NullPointerException.class, () -> arrow("a", null, "b"));
        assertThrows(NullPointerException.class, () -> arrow("a", "out", null));
    }

    // ---- settings

    @Test
    void updatingDropsTheArrowsOfOutputsTheNewSettingsNoLongerHave() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);
        Map<String, String> config = Map.of("subset.1.label", "Gold only");

        // a Split's outputs: its subsets, plus complement when enabled
        assertTrue(draft.update("split", "Gold", config, box -> {
            List<String> outputs = new ArrayList<>();
            for (int n = 1; box.getConfig().containsKey("subset." + n + ".label"); n++) {
                outputs.add("subset" + n);
            }
            if ("true".equals(box.getConfig().get("complement"))) {
                outputs.add("complement");
            }
            return outputs;
        }));

        assertEquals(Optional.of(arrow("split", "subset1", "engaged")), draft.arrowFrom("split", "subset1"));
        assertTrue(draft.arrowFrom("split", "subset2").isEmpty());
        assertTrue(draft.arrowFrom("split", "complement").isEmpty());
        // the arrow coming in and the arrows of other boxes stay
        assertTrue(draft.getArrows().contains(arrow("wait", "out", "split")));
        assertEquals(6, draft.getArrows().size());
        // the boxes stay
        assertTrue(draft.box("dedup").isPresent());
        assertTrue(draft.box("endOthers").isPresent());
    }

    @Test
    void updatingReplacesTheLabelAndTheSettings() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);

        draft.update("wait", "  Three hours later ", Map.of("hours", "3"), box -> List.of("out"));

        DiagramDraft.Box wait = draft.box("wait").orElseThrow();
        assertEquals("Three hours later", wait.getLabel());
        assertEquals(Map.of("hours", "3"), wait.getConfig());
        assertEquals(Optional.of(arrow("wait", "out", "split")), draft.arrowFrom("wait", "out"));
        assertEquals(320, wait.getX());
    }

    @Test
    void theOutputsFunctionSeesTheNewSettings() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);
        List<Map<String, String>> seen = new ArrayList<>();

        draft.update("engaged", null, Map.of("list", "Engaged"), box -> {
            seen.add(box.getConfig());
            return "true".equals(box.getConfig().get("outbound")) ? List.of("out") : List.of();
        });

        assertEquals(List.of(Map.of("list", "Engaged")), seen);
        assertEquals("", draft.box("engaged").orElseThrow().getLabel());
        assertTrue(draft.arrowFrom("engaged", "out").isEmpty());
        assertEquals(7, draft.getArrows().size());
    }

    @Test
    void updatingAnUnknownBoxIsRefused() {
        DiagramDraft draft = small();

        assertThrows(IllegalArgumentException.class, () -> draft.update("ghost", "", Map.of(), box -> List.of()));
    }

    @Test
    void aBoxsSettingsCannotBeChangedThroughItsCopy() {
        DiagramDraft draft = DiagramDraft.parse(EXAMPLE);

        draft.box("wait").orElseThrow().getConfig().put("days", "9");

        assertEquals("2", draft.box("wait").orElseThrow().getConfig().get("days"));
        assertEquals(
                "2",
                activity(read(draft.toJson()), "wait").getJsonObject("config").getString("days"));
    }
}

package io.crosscast.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowJsonTypesTest {

    @Test
    void everyValueOfTheWrongTypeIsListedWithItsPointer() {
        String document = """
                {"name": 7, "activities": [
                  {"id": "start", "type": "start", "label": 5, "x": "100", "y": 1.5},
                  {"id": "list", "type": "listUpdate", "config": {"list": ["x"], "outbound": true,
                     "condition": {"field": "status", "operator": "equals", "values": ["GOLD"]}, "mode": null}},
                  {"id": 3, "type": "end", "x": 4294967296, "config": []},
                  "end"],
                 "transitions": [{"from": "start", "output": 1, "to": {"id": "list"}}, {"from": "list", "to": "end", "id": null}]}
                """;

        assertEquals(
                List.of(
                        "/name: expected a string, got the number 7.",
                        "/activities/0/label: expected a string, got the number 5.",
                        "/activities/0/x: expected a whole number from -2147483648 to 2147483647, got a string (\"100\").",
                        "/activities/0/y: expected a whole number from -2147483648 to 2147483647, got the number 1.5.",
                        "/activities/1/config/list: expected a string (settings are text, such as \"true\" or \"3\"), got an array.",
                        "/activities/1/config/outbound: expected a string (settings are text, such as \"true\" or \"3\"), got true.",
                        "/activities/1/config/mode: expected a string (settings are text, such as \"true\" or \"3\"), got null.",
                        "/activities/2/id: expected a string, got the number 3.",
                        "/activities/2/x: expected a whole number from -2147483648 to 2147483647, got the number 4294967296.",
                        "/activities/2/config: expected an object, got an array.",
                        "/activities/3: expected an object, got a string (\"end\").",
                        "/transitions/0/output: expected a string, got the number 1.",
                        "/transitions/0/to: expected a string, got an object."),
                WorkflowJson.typeProblems(document));
    }

    @Test
    void aSettingThatReadsAsJsonIsWrittenAsTextSoTheWrittenDocumentKeepsItsTypes() {
        var definition = new io.crosscast.engine.WorkflowDefinition(
                "w",
                List.of(
                        new io.crosscast.engine.ActivityDefinition("s", "start", "Start", java.util.Map.of()),
                        new io.crosscast.engine.ActivityDefinition(
                                "l",
                                "listUpdate",
                                "List",
                                java.util.Map.of(
                                        "list", "[2024]", "condition", "{\"logic\":\"and\",\"children\":[]}"))),
                List.of());

        String written = WorkflowJson.write(definition, java.util.Map.of());

        assertEquals(List.of(), WorkflowJson.typeProblems(written), written);
        assertEquals(
                "[2024]",
                WorkflowJson.parse(written).activities().get(1).config().get("list"));
        assertEquals(true, written.contains("\"condition\":{\"logic\""), written);
    }

    @Test
    void aWellTypedDocumentHasNoProblemAndTheDemoIsOne() throws IOException {
        assertEquals(List.of(), WorkflowJson.typeProblems("""
                {"name": "w", "activities": [{"id": "s", "type": "start", "label": null, "x": 2e1, "y": 7.0},
                  {"id": "q", "type": "query", "config": {"subset.1.condition": "{}", "condition": {"logic": "and", "children": []}}}],
                 "transitions": [{"from": "s", "to": "q"}]}"""));
        try (InputStream demo = WorkflowJson.class.getResourceAsStream("/io/crosscast/campaign/demo-workflow.json")) {
            assertEquals(List.of(), WorkflowJson.typeProblems(new String(demo.readAllBytes(), StandardCharsets.UTF_8)));
        }
        assertEquals(List.of(), WorkflowJson.typeProblems("not json"), "parse says why");
    }
}

package io.crosscast.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationScriptTest {

    @Test
    void goodLinesAreReadAnyCaseAnyColumnOrder() {
        SimulationScript.Result result = SimulationScript.parse(
                "Action,EMAIL,delivery,link\nopen,Ann@Example.com,Offer,\nCLICK, bob@example.com ,12,offer\n\n");
        assertEquals(List.of(), result.problems());
        assertEquals(
                List.of(
                        new SimulationScript.Line(2, "ann@example.com", "Offer", "OPEN", null),
                        new SimulationScript.Line(3, "bob@example.com", "12", "CLICK", "offer")),
                result.lines());
    }

    @Test
    void everyBadLineIsReportedWithItsNumber() {
        SimulationScript.Result result = SimulationScript.parse("email,delivery,action,link\n"
                + "ann@example.com,Offer,open,\n"
                + "nobody,Offer,open,\n"
                + "ann@example.com,,open,\n"
                + "ann@example.com,Offer,jump,\n"
                + "ann@example.com,Offer,click,\n");
        assertEquals(1, result.lines().size());
        List<String> problems = result.problems().stream().map(Text::english).toList();
        assertEquals(4, problems.size(), problems.toString());
        for (int line = 3; line <= 6; line++) {
            assertTrue(problems.get(line - 3).startsWith("Line " + line + ":"), problems.toString());
        }
    }

    @Test
    void aMissingColumnIsReported() {
        SimulationScript.Result result = SimulationScript.parse("email,action\nann@example.com,open\n");
        assertEquals(
                List.of("delivery"),
                result.problems().stream().map(t -> t.args().get(0)).toList());
    }

    @Test
    void aScriptLongerThanTheCapIsRefusedWhole() {
        StringBuilder csv = new StringBuilder("email,delivery,action\n");
        for (int i = 0; i <= SimulationScript.MAX_LINES; i++) {
            csv.append("r").append(i).append("@example.com,Offer,open\n");
        }
        SimulationScript.Result result = SimulationScript.parse(csv.toString());
        assertEquals(List.of(), result.lines());
        assertEquals(
                List.of("simulation.script.tooLong"),
                result.problems().stream().map(Text::key).toList());
    }
}

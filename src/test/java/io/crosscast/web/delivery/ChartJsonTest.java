package io.crosscast.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartJsonTest {

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aLineChartHasItsLabelsAndOneDatasetPerSeries() {
        String json = ChartJson.line(
                List.of("10:00", "11:00"),
                List.of(
                        new ChartJson.Series("Opens", List.of(5L, 3L), "#3b82f6"),
                        new ChartJson.Series("Clicks", List.of(1L, 0L), "#22c55e")));
        JsonObject chart = parse(json);
        assertEquals("line", chart.getString("type"));
        assertEquals(
                List.of("10:00", "11:00"),
                chart.getJsonObject("data").getJsonArray("labels").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(2, chart.getJsonObject("data").getJsonArray("datasets").size());
        JsonObject opens = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertEquals("Opens", opens.getString("label"));
        assertEquals(5, opens.getJsonArray("data").getJsonNumber(0).intValue());
        assertTrue(chart.getJsonObject("options")
                .getJsonObject("scales")
                .getJsonObject("y")
                .getBoolean("beginAtZero"));
    }

    @Test
    void aHorizontalBarChartCountsAlongX() {
        JsonObject chart = parse(
                ChartJson.bar(List.of("offer"), List.of(new ChartJson.Series("Clicks", List.of(4L), "#22c55e")), true));
        assertEquals("bar", chart.getString("type"));
        assertEquals("y", chart.getJsonObject("options").getString("indexAxis"));
        assertTrue(chart.getJsonObject("options").getJsonObject("scales").containsKey("x"));
    }

    @Test
    void hostileLabelsStayStringsAndCannotCloseTheScript() {
        String hostile = "</script><script>alert(\"x\")</script> & \u2028 \\ '";
        String json =
                ChartJson.bar(List.of(hostile), List.of(new ChartJson.Series(hostile, List.of(1L), "#000000")), false);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        assertFalse(json.contains("\u2028"), json);
        JsonObject chart = parse(json);
        assertEquals(hostile, chart.getJsonObject("data").getJsonArray("labels").getString(0));
        assertEquals(
                hostile,
                chart.getJsonObject("data")
                        .getJsonArray("datasets")
                        .getJsonObject(0)
                        .getString("label"));
    }
}

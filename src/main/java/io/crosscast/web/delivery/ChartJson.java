package io.crosscast.web.delivery;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;

/**
 * Chart.js configurations for {@code p:chart}, built with JSON-P. {@code p:chart} writes its value as is
 * into an inline script, so the JSON is made safe for that place too: {@code <}, {@code >} and {@code &}
 * (found only inside strings) become {@code \}{@code u003c}... escapes, so no label can close the script
 * element, and U+2028/U+2029 are escaped as well. Labels are never concatenated into JSON text.
 */
public final class ChartJson {

    /** One line or bar series: its legend, its values, its colour ({@code #rrggbb}). */
    public record Series(String label, List<Long> values, String color) {

        public Series {
            Objects.requireNonNull(label, "label");
            values = List.copyOf(values);
            Objects.requireNonNull(color, "color");
        }
    }

    private ChartJson() {}

    /** A line chart: one point per label, one line per series, the y axis from 0 in whole numbers. */
    public static String line(List<String> labels, List<Series> series) {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (Series s : series) {
            datasets.add(dataset(s)
                    .add("borderColor", s.color())
                    .add("backgroundColor", s.color())
                    .add("tension", 0.2)
                    .add("fill", false)
                    .add("pointRadius", 2));
        }
        return scriptSafe(chart("line", labels, datasets, options(false)));
    }

    /** A bar chart, horizontal (one bar per label and series, read top down) or vertical. */
    public static String bar(List<String> labels, List<Series> series, boolean horizontal) {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (Series s : series) {
            datasets.add(dataset(s).add("backgroundColor", s.color()));
        }
        return scriptSafe(chart("bar", labels, datasets, options(horizontal)));
    }

    private static JsonObject chart(
            String type, List<String> labels, JsonArrayBuilder datasets, JsonObjectBuilder options) {
        JsonArrayBuilder labelArray = Json.createArrayBuilder();
        labels.forEach(label -> labelArray.add(label == null ? "" : label));
        return Json.createObjectBuilder()
                .add("type", type)
                .add(
                        "data",
                        Json.createObjectBuilder().add("labels", labelArray).add("datasets", datasets))
                .add("options", options)
                .build();
    }

    private static JsonObjectBuilder dataset(Series s) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        s.values().forEach(v -> data.add(v == null ? 0 : v));
        return Json.createObjectBuilder().add("label", s.label()).add("data", data);
    }

    private static JsonObjectBuilder options(boolean horizontal) {
        String valueAxis = horizontal ? "x" : "y";
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                // Re-rendered every few seconds while sending: no animation.
                .add("animation", false)
                .add(
                        "scales",
                        Json.createObjectBuilder()
                                .add(
                                        valueAxis,
                                        Json.createObjectBuilder()
                                                .add("beginAtZero", true)
                                                .add(
                                                        "ticks",
                                                        Json.createObjectBuilder()
                                                                .add("precision", 0))))
                .add(
                        "plugins",
                        Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("position", "bottom")));
        if (horizontal) {
            options.add("indexAxis", "y");
        }
        return options;
    }

    /** The JSON text, with the characters that matter inside an HTML script element escaped. */
    static String scriptSafe(JsonObject json) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriter(out)) {
            writer.writeObject(json);
        }
        String text = out.toString();
        StringBuilder safe = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}

package io.crosscast.web.campaign.workflow;

import static io.crosscast.web.campaign.workflow.ConfigValues.number;
import static io.crosscast.web.campaign.workflow.ConfigValues.put;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The values of an Enrichment activity as rows of its properties dialog: name, source and the source's settings
 * (days, people only or everyone, the field copied). Written back as {@code value.N.*} settings, numbered from 1 in
 * the rows' order; a row without a name and a source is left out. The engine checks them when the dialog saves.
 */
public final class EnrichmentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The sources, in the order the dialog offers them. */
    public static final List<String> SOURCES =
            List.of("clicks", "opens", "lastClick", "lastOpen", "messagesSent", "recipientField");

    /** The fields a value may copy. */
    public static final List<String> FIELDS =
            List.of("firstName", "lastName", "email", "mobilePhone", "country", "language", "status");

    private static final Pattern KEY = Pattern.compile("value\\.[0-9]+\\.(name|source|days|actors|field)");

    /** One value. */
    public static final class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private String name;
        private String source = "clicks";
        private Integer days = 30;
        private boolean everyone;
        private String field = "firstName";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getSource() {
            return source;
        }

        public void setSource(String source) {
            this.source = source;
        }

        public Integer getDays() {
            return days;
        }

        public void setDays(Integer days) {
            this.days = days;
        }

        public boolean isEveryone() {
            return everyone;
        }

        public void setEveryone(boolean everyone) {
            this.everyone = everyone;
        }

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field;
        }

        boolean windowed() {
            return List.of("clicks", "opens", "messagesSent").contains(source);
        }

        boolean tracking() {
            return List.of("clicks", "opens", "lastClick", "lastOpen").contains(source);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    EnrichmentForm(Map<String, String> config, boolean enrichment) {
        if (!enrichment) {
            return;
        }
        for (int n = 1; ; n++) {
            String prefix = "value." + n + ".";
            if (config.keySet().stream().noneMatch(k -> k.startsWith(prefix))) {
                break;
            }
            Row row = new Row();
            row.name = config.get(prefix + "name");
            row.source = config.getOrDefault(prefix + "source", "clicks");
            Integer days = number(config.get(prefix + "days"));
            row.days = days == null ? 30 : days;
            row.everyone = "everyone".equals(config.get(prefix + "actors"));
            row.field = config.getOrDefault(prefix + "field", "firstName");
            rows.add(row);
        }
        if (rows.isEmpty()) {
            addRow();
        }
    }

    static boolean isField(String name) {
        return KEY.matcher(name).matches();
    }

    void writeTo(Map<String, String> config) {
        int n = 0;
        for (Row row : rows) {
            if (row.name == null || row.name.isBlank() || row.source == null) {
                continue;
            }
            String prefix = "value." + ++n + ".";
            put(config, prefix + "name", row.name.trim());
            put(config, prefix + "source", row.source);
            if (row.windowed()) {
                put(config, prefix + "days", row.days);
            }
            if (row.tracking()) {
                put(config, prefix + "actors", row.everyone ? "everyone" : "people");
            }
            if ("recipientField".equals(row.source)) {
                put(config, prefix + "field", row.field);
            }
        }
    }

    public List<Row> getRows() {
        return rows;
    }

    public void addRow() {
        rows.add(new Row());
    }

    public void removeRow(int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
    }
}

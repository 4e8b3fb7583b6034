package io.crosscast.web.campaign.workflow;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the properties dialog of one activity shows: its label and the settings of its type, as form fields.
 * Loaded from a box's settings, written back as the document's settings (docs/WORKFLOW-FORMAT.md) only when
 * the dialog is saved, so a cancelled dialog changes nothing. Conditions are held as JSON text here; the
 * dialog's condition builder edits the one in focus (a Query's, or the selected subset of a Split).
 */
public final class ActivityForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Scheduler modes, each one setting of the same name. */
    public static final List<String> SCHEDULER_MODES = List.of("daily", "weekly", "cron", "at");

    /** One subset of a Split. */
    public static final class Subset implements Serializable {
        private static final long serialVersionUID = 1L;
        private String label;
        private String limit;
        private String condition;

        Subset(String label, String limit, String condition) {
            this.label = label;
            this.limit = limit;
            this.condition = condition;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public String getLimit() {
            return limit;
        }

        public void setLimit(String limit) {
            this.limit = limit;
        }

        public String getCondition() {
            return condition;
        }

        public void setCondition(String condition) {
            this.condition = condition;
        }
    }

    private final String id;
    /** Settings this form has no field for (a Split's seed, a document's extra keys): kept as they are. */
    private final Map<String, String> others = new LinkedHashMap<>();
    private final String type;
    private String label;
    /** Query: the condition as JSON text. */
    private String condition;
    /** Split. */
    private final List<Subset> subsets = new ArrayList<>();
    private int selectedSubset;
    private boolean overlap;
    private boolean complement;
    /** Wait. */
    private Integer days;
    private Integer hours;
    private Integer minutes;
    /** Scheduler. */
    private String schedulerMode = "daily";
    private String schedulerValue;
    private String zone;
    /** List update. */
    private String list;
    private String listMode = "add";
    /** Deliveries and list update. */
    private boolean outbound;
    private Long delivery;
    /** Test, Fork, Exclusion, Deduplication. */
    private String expression;
    private Integer branches;
    private String main;
    private String key = "email";

    public ActivityForm(String id, String type, String label, Map<String, String> config) {
        this.id = id;
        this.type = type;
        config.forEach((name, value) -> {
            if (!isField(type, name)) {
                others.put(name, value);
            }
        });
        this.label = label;
        this.condition = config.get("condition");
        for (int n = 1; config.containsKey("subset." + n + ".condition") || config.containsKey("subset." + n + ".label")
                || config.containsKey("subset." + n + ".limit"); n++) {
            subsets.add(new Subset(config.get("subset." + n + ".label"), config.get("subset." + n + ".limit"),
                    config.get("subset." + n + ".condition")));
        }
        if ("split".equals(type) && subsets.isEmpty()) {
            subsets.add(new Subset(null, null, null));
        }
        overlap = "true".equals(config.get("overlap"));
        complement = "true".equals(config.get("complement"));
        days = number(config.get("days"));
        hours = number(config.get("hours"));
        minutes = number(config.get("minutes"));
        for (String mode : SCHEDULER_MODES) {
            if (config.containsKey(mode)) {
                schedulerMode = mode;
                schedulerValue = config.get(mode);
            }
        }
        zone = config.get("zone");
        list = config.get("list");
        listMode = config.getOrDefault("mode", "add");
        outbound = "true".equals(config.get("outbound"));
        delivery = longNumber(config.get("delivery"));
        expression = config.containsKey("expression") ? config.get("expression") : config.get("min") == null ? null
                : "count>=" + config.get("min");
        branches = number(config.get("branches"));
        main = config.get("main");
        key = config.getOrDefault("key", "email");
    }

    private static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A delivery id is a database id: a long, not an int. */
    private static Long longNumber(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the dialog of that type has a field for that setting. */
    static boolean isField(String type, String name) {
        return switch (type) {
            case "query" -> name.equals("condition");
            case "split" -> name.startsWith("subset.") || name.equals("overlap") || name.equals("complement");
            case "wait" -> List.of("days", "hours", "minutes").contains(name);
            case "scheduler" -> SCHEDULER_MODES.contains(name) || name.equals("zone");
            case "listUpdate" -> List.of("list", "mode", "outbound").contains(name);
            case "emailDelivery", "smsDelivery" -> List.of("delivery", "outbound").contains(name);
            case "test" -> name.equals("expression") || name.equals("min");
            case "fork" -> name.equals("branches");
            case "exclusion" -> name.equals("main");
            case "deduplication" -> name.equals("key");
            default -> false;
        };
    }

    /**
     * The settings to save, in the document's form: blank fields are left out; settings the dialog shows no
     * field for come back as they were.
     */
    public Map<String, String> toConfig() {
        Map<String, String> config = new LinkedHashMap<>(others);
        switch (type) {
            case "query" -> put(config, "condition", condition);
            case "split" -> {
                for (int i = 0; i < subsets.size(); i++) {
                    Subset s = subsets.get(i);
                    put(config, "subset." + (i + 1) + ".condition", s.condition);
                    put(config, "subset." + (i + 1) + ".label", s.label);
                    put(config, "subset." + (i + 1) + ".limit", s.limit);
                }
                if (overlap) {
                    config.put("overlap", "true");
                }
                if (complement) {
                    config.put("complement", "true");
                }
            }
            case "wait" -> {
                put(config, "days", days);
                put(config, "hours", hours);
                put(config, "minutes", minutes);
            }
            case "scheduler" -> {
                put(config, schedulerMode, schedulerValue);
                if (!"at".equals(schedulerMode)) {
                    put(config, "zone", zone);
                }
            }
            case "listUpdate" -> {
                put(config, "list", list);
                put(config, "mode", listMode);
                putFlag(config, "outbound", outbound);
            }
            case "emailDelivery", "smsDelivery" -> {
                put(config, "delivery", delivery);
                putFlag(config, "outbound", outbound);
            }
            case "test" -> put(config, "expression", expression);
            case "fork" -> put(config, "branches", branches);
            case "exclusion" -> put(config, "main", main);
            case "deduplication" -> put(config, "key", key);
            default -> {
                // start, end, union, intersection, andJoin: no settings
            }
        }
        return config;
    }

    private static void put(Map<String, String> config, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            config.put(name, value.toString().strip());
        }
    }

    private static void putFlag(Map<String, String> config, String name, boolean value) {
        if (value) {
            config.put(name, "true");
        }
    }

    /** Adds an empty subset after the others and selects it. */
    public void addSubset() {
        subsets.add(new Subset(null, null, null));
        selectedSubset = subsets.size() - 1;
    }

    /** Removes the subset at that index (a Split keeps at least one). */
    public void removeSubset(int index) {
        if (subsets.size() > 1 && index >= 0 && index < subsets.size()) {
            subsets.remove(index);
            if (index < selectedSubset) {
                selectedSubset--; // the same subset stays selected
            }
            selectedSubset = Math.min(selectedSubset, subsets.size() - 1);
        }
    }

    /** Moves a subset one place up (earlier subsets claim their recipients first). */
    public void moveSubsetUp(int index) {
        if (index > 0 && index < subsets.size()) {
            subsets.add(index - 1, subsets.remove(index));
            selectedSubset = index - 1;
        }
    }

    public boolean hasConditionBuilder() {
        return "query".equals(type) || "split".equals(type);
    }

    /** The condition the builder edits now, as JSON text (null: none). */
    public String focusedCondition() {
        return "split".equals(type) ? subsets.get(selectedSubset).condition : condition;
    }

    /** Sets the condition the builder edits now. */
    public void setFocusedCondition(String json) {
        if ("split".equals(type)) {
            subsets.get(selectedSubset).condition = json;
        } else {
            condition = json;
        }
    }

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public List<Subset> getSubsets() {
        return subsets;
    }

    public int getSelectedSubset() {
        return selectedSubset;
    }

    public void setSelectedSubset(int selectedSubset) {
        if (selectedSubset >= 0 && selectedSubset < subsets.size()) {
            this.selectedSubset = selectedSubset;
        }
    }

    public boolean isOverlap() {
        return overlap;
    }

    public void setOverlap(boolean overlap) {
        this.overlap = overlap;
    }

    public boolean isComplement() {
        return complement;
    }

    public void setComplement(boolean complement) {
        this.complement = complement;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public Integer getHours() {
        return hours;
    }

    public void setHours(Integer hours) {
        this.hours = hours;
    }

    public Integer getMinutes() {
        return minutes;
    }

    public void setMinutes(Integer minutes) {
        this.minutes = minutes;
    }

    public String getSchedulerMode() {
        return schedulerMode;
    }

    public void setSchedulerMode(String schedulerMode) {
        this.schedulerMode = SCHEDULER_MODES.contains(schedulerMode) ? schedulerMode : "daily";
    }

    public String getSchedulerValue() {
        return schedulerValue;
    }

    public void setSchedulerValue(String schedulerValue) {
        this.schedulerValue = schedulerValue;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getList() {
        return list;
    }

    public void setList(String list) {
        this.list = list;
    }

    public String getListMode() {
        return listMode;
    }

    public void setListMode(String listMode) {
        this.listMode = listMode;
    }

    public boolean isOutbound() {
        return outbound;
    }

    public void setOutbound(boolean outbound) {
        this.outbound = outbound;
    }

    public Long getDelivery() {
        return delivery;
    }

    public void setDelivery(Long delivery) {
        this.delivery = delivery;
    }

    public String getExpression() {
        return expression;
    }

    public void setExpression(String expression) {
        this.expression = expression;
    }

    public Integer getBranches() {
        return branches;
    }

    public void setBranches(Integer branches) {
        this.branches = branches;
    }

    public String getMain() {
        return main;
    }

    public void setMain(String main) {
        this.main = main;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}

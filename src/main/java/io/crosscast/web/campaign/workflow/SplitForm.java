package io.crosscast.web.campaign.workflow;

import static io.crosscast.web.campaign.workflow.ConfigValues.put;
import static io.crosscast.web.campaign.workflow.ConfigValues.putFlag;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Split part of an activity's properties dialog: its subsets (label, limit, condition), the one selected
 * for the dialog's condition builder, and the overlap and complement options. Part of an {@link ActivityForm}.
 */
public final class SplitForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One subset of a Split. */
    public static final class Subset implements Serializable {
        private static final long serialVersionUID = 1L;
        private String label;
        private String limit;
        private String condition;
        /** Which ones the limit keeps: "random" (blank) or a recipient field then asc/desc. */
        private String limitOrder;
        /** Its output when the form was read ({@code subset2}); null for a subset added since. */
        private final String output;

        Subset(String label, String limit, String condition, String output) {
            this.label = label;
            this.limit = limit;
            this.condition = condition;
            this.output = output;
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

        public String getLimitOrder() {
            return limitOrder;
        }

        public void setLimitOrder(String limitOrder) {
            this.limitOrder = limitOrder;
        }

        public void setCondition(String condition) {
            this.condition = condition;
        }
    }

    private final List<Subset> subsets = new ArrayList<>();
    private int selectedSubset;
    private boolean overlap;
    private boolean complement;

    /** Reads the subsets and options of the settings; a Split gets one empty subset when it has none. */
    SplitForm(Map<String, String> config, boolean split) {
        for (int n = 1;
                config.containsKey("subset." + n + ".condition")
                        || config.containsKey("subset." + n + ".label")
                        || config.containsKey("subset." + n + ".limit");
                n++) {
            Subset subset = new Subset(
                    config.get("subset." + n + ".label"),
                    config.get("subset." + n + ".limit"),
                    config.get("subset." + n + ".condition"),
                    "subset" + n);
            subset.limitOrder = config.get("subset." + n + ".limitOrder");
            subsets.add(subset);
        }
        if (split && subsets.isEmpty()) {
            subsets.add(new Subset(null, null, null, null));
        }
        overlap = "true".equals(config.get("overlap"));
        complement = "true".equals(config.get("complement"));
    }

    /** Whether a setting is one of a Split's. */
    static boolean isField(String name) {
        return name.startsWith("subset.") || name.equals("overlap") || name.equals("complement");
    }

    /**
     * Writes the subsets (numbered from 1, blank fields left out) and the options that are on. A subset with
     * nothing set (everyone still available) beside others is written as an empty label: without a setting of
     * its own, it and the subsets after it would not be read back. A lone blank subset writes nothing (the Split
     * is then refused for having no subset).
     */
    void writeTo(Map<String, String> config) {
        for (int i = 0; i < subsets.size(); i++) {
            Subset s = subsets.get(i);
            put(config, "subset." + (i + 1) + ".condition", s.condition);
            put(config, "subset." + (i + 1) + ".label", s.label);
            put(config, "subset." + (i + 1) + ".limit", s.limit);
            if (s.limit != null && !s.limit.isBlank()) {
                put(config, "subset." + (i + 1) + ".limitOrder", s.limitOrder);
            }
            String n = "subset." + (i + 1) + ".";
            if (subsets.size() > 1
                    && !config.containsKey(n + "condition")
                    && !config.containsKey(n + "label")
                    && !config.containsKey(n + "limit")) {
                config.put(n + "label", "");
            }
        }
        putFlag(config, "overlap", overlap);
        putFlag(config, "complement", complement);
    }

    /** Adds an empty subset after the others and selects it. */
    public void addSubset() {
        subsets.add(new Subset(null, null, null, null));
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

    /**
     * The output that an output of the Split had when the form was read: a subset moved or renumbered since
     * ({@code subset3} moved up is {@code subset2} now) takes its transition along. Null for a subset added
     * since; any other output is itself.
     */
    String outputBefore(String output) {
        if (!output.matches("subset\\d{1,4}")) {
            return output;
        }
        int n = Integer.parseInt(output.substring("subset".length()));
        return n >= 1 && n <= subsets.size() ? subsets.get(n - 1).output : output;
    }

    /** The condition of the selected subset, as JSON text (null: none). */
    String selectedCondition() {
        return subsets.get(selectedSubset).condition;
    }

    void setSelectedCondition(String json) {
        subsets.get(selectedSubset).condition = json;
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
}

package io.crosscast.web.campaign.workflow;

import static io.crosscast.web.campaign.workflow.ConfigValues.longNumber;
import static io.crosscast.web.campaign.workflow.ConfigValues.number;
import static io.crosscast.web.campaign.workflow.ConfigValues.put;
import static io.crosscast.web.campaign.workflow.ConfigValues.putFlag;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the properties dialog of one activity shows: its label and the settings of its type, as form fields.
 * Loaded from a box's settings, written back as the document's settings (docs/WORKFLOW-FORMAT.md) only when
 * the dialog is saved, so a cancelled dialog changes nothing. Conditions are held as JSON text here; the
 * dialog's condition builder edits the one in focus (a Query's, or the selected subset of a Split). A Split's
 * fields are a {@link SplitForm} of their own.
 */
public final class ActivityForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Scheduler modes, each one setting of the same name. */
    public static final List<String> SCHEDULER_MODES = List.of("daily", "weekly", "cron", "at");

    private final String id;
    /** Settings this form has no field for (a Split's seed, a document's extra keys): kept as they are. */
    private final Map<String, String> others = new LinkedHashMap<>();

    private final String type;
    private String label;
    /** Query: the condition as JSON text. */
    private String condition;
    /** Split. */
    private final SplitForm split;
    /** Enrichment. */
    private final EnrichmentForm enrichment;
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
    /** Query: a limit ("100", "10%") and how the kept ones are chosen ("random", "createdAt desc"). */
    private String limit;

    private String limitOrder;
    /** A/B test: the variants (delivery ids), each sample's share, the test's duration, the winner rule. */
    private List<String> variants = new java.util.ArrayList<>();

    private Integer samplePercent;
    private String testDuration;
    private String winner = "clicks";
    private String link;
    private boolean peopleOnly = true;
    private String winnerSending = "automatic";
    private String confirmationTimeout;
    /** Jump (from), Jump (to), External signal. */
    private String target;

    private Integer maxPasses;
    private String onLimit = "fail";
    private String name;
    private Integer timeoutDays;
    private Integer timeoutHours;
    private Integer timeoutMinutes;

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
        split = new SplitForm(config, "split".equals(type));
        enrichment = new EnrichmentForm(config, "enrichment".equals(type));
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
        expression = config.containsKey("expression")
                ? config.get("expression")
                : config.get("min") == null ? null : "count>=" + config.get("min");
        branches = number(config.get("branches"));
        main = config.get("main");
        key = config.getOrDefault("key", "email");
        limit = config.get("limit");
        limitOrder = config.get("limitOrder");
        if (config.get("deliveries") != null) {
            for (String v : config.get("deliveries").split(",")) {
                if (!v.isBlank()) {
                    variants.add(v.strip());
                }
            }
        }
        samplePercent = number(config.get("samplePercent"));
        testDuration = config.get("wait");
        winner = config.getOrDefault("winner", "clicks");
        link = config.get("link");
        peopleOnly = !"false".equals(config.get("peopleOnly"));
        winnerSending = config.getOrDefault("winnerSending", "automatic");
        confirmationTimeout = config.get("confirmationTimeout");
        target = config.get("target");
        maxPasses = number(config.get("maxPasses"));
        onLimit = config.getOrDefault("onLimit", "fail");
        name = config.get("name");
        timeoutDays = number(config.get("timeoutDays"));
        timeoutHours = number(config.get("timeoutHours"));
        timeoutMinutes = number(config.get("timeoutMinutes"));
    }

    /** Whether the dialog of that type has a field for that setting. */
    static boolean isField(String type, String name) {
        return switch (type) {
            case "query" -> List.of("condition", "limit", "limitOrder").contains(name);
            case "abTest" ->
                List.of(
                                "deliveries",
                                "samplePercent",
                                "wait",
                                "winner",
                                "link",
                                "peopleOnly",
                                "winnerSending",
                                "confirmationTimeout")
                        .contains(name);
            case "split" -> SplitForm.isField(name);
            case "wait" -> List.of("days", "hours", "minutes").contains(name);
            case "scheduler" -> SCHEDULER_MODES.contains(name) || name.equals("zone");
            case "listUpdate" -> List.of("list", "mode", "outbound").contains(name);
            case "emailDelivery", "smsDelivery" ->
                List.of("delivery", "outbound").contains(name);
            case "test" -> name.equals("expression") || name.equals("min");
            case "fork" -> name.equals("branches");
            case "exclusion" -> name.equals("main");
            case "deduplication" -> name.equals("key");
            case "enrichment" -> EnrichmentForm.isField(name);
            case "jumpFrom" -> List.of("target", "maxPasses", "onLimit").contains(name);
            case "jumpTo" -> name.equals("name");
            case "externalSignal" ->
                List.of("name", "timeoutDays", "timeoutHours", "timeoutMinutes").contains(name);
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
            case "query" -> {
                put(config, "condition", condition);
                put(config, "limit", limit);
                if (limit != null && !limit.isBlank()) {
                    put(config, "limitOrder", limitOrder);
                }
            }
            case "abTest" -> {
                put(config, "deliveries", variants.isEmpty() ? null : String.join(",", variants));
                put(config, "samplePercent", samplePercent);
                put(config, "wait", testDuration);
                put(config, "winner", winner);
                if ("linkClicks".equals(winner)) {
                    put(config, "link", link);
                }
                if (!peopleOnly) {
                    config.put("peopleOnly", "false");
                }
                if ("confirmation".equals(winnerSending)) {
                    config.put("winnerSending", "confirmation");
                    put(config, "confirmationTimeout", confirmationTimeout);
                }
            }
            case "split" -> split.writeTo(config);
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
            case "enrichment" -> enrichment.writeTo(config);
            case "jumpFrom" -> {
                put(config, "target", target);
                put(config, "maxPasses", maxPasses);
                if (!"fail".equals(onLimit)) {
                    put(config, "onLimit", onLimit);
                }
            }
            case "jumpTo" -> put(config, "name", name);
            case "externalSignal" -> {
                put(config, "name", name);
                put(config, "timeoutDays", timeoutDays);
                put(config, "timeoutHours", timeoutHours);
                put(config, "timeoutMinutes", timeoutMinutes);
            }
            default -> {
                // start, end, union, intersection, andJoin: no settings
            }
        }
        return config;
    }

    public boolean hasConditionBuilder() {
        return "query".equals(type) || "split".equals(type);
    }

    /** The condition the builder edits now, as JSON text (null: none). */
    public String focusedCondition() {
        return "split".equals(type) ? split.selectedCondition() : condition;
    }

    /** Sets the condition the builder edits now. */
    public void setFocusedCondition(String json) {
        if ("split".equals(type)) {
            split.setSelectedCondition(json);
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

    /** A Split's subsets and options. */
    public SplitForm getSplit() {
        return split;
    }

    /** An Enrichment's values. */
    public EnrichmentForm getEnrichment() {
        return enrichment;
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

    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }

    public String getLimitOrder() {
        return limitOrder;
    }

    public void setLimitOrder(String limitOrder) {
        this.limitOrder = limitOrder;
    }

    public List<String> getVariants() {
        return variants;
    }

    public void setVariants(List<String> variants) {
        this.variants = variants == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(variants);
    }

    public Integer getSamplePercent() {
        return samplePercent;
    }

    public void setSamplePercent(Integer samplePercent) {
        this.samplePercent = samplePercent;
    }

    public String getTestDuration() {
        return testDuration;
    }

    public void setTestDuration(String testDuration) {
        this.testDuration = testDuration;
    }

    public String getWinner() {
        return winner;
    }

    public void setWinner(String winner) {
        this.winner = winner;
    }

    public String getLink() {
        return link;
    }

    public void setLink(String link) {
        this.link = link;
    }

    public boolean isPeopleOnly() {
        return peopleOnly;
    }

    public void setPeopleOnly(boolean peopleOnly) {
        this.peopleOnly = peopleOnly;
    }

    public String getWinnerSending() {
        return winnerSending;
    }

    public void setWinnerSending(String winnerSending) {
        this.winnerSending = winnerSending;
    }

    public String getConfirmationTimeout() {
        return confirmationTimeout;
    }

    public void setConfirmationTimeout(String confirmationTimeout) {
        this.confirmationTimeout = confirmationTimeout;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public Integer getMaxPasses() {
        return maxPasses;
    }

    public void setMaxPasses(Integer maxPasses) {
        this.maxPasses = maxPasses;
    }

    public String getOnLimit() {
        return onLimit;
    }

    public void setOnLimit(String onLimit) {
        this.onLimit = "stop".equals(onLimit) ? "stop" : "fail";
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getTimeoutDays() {
        return timeoutDays;
    }

    public void setTimeoutDays(Integer timeoutDays) {
        this.timeoutDays = timeoutDays;
    }

    public Integer getTimeoutHours() {
        return timeoutHours;
    }

    public void setTimeoutHours(Integer timeoutHours) {
        this.timeoutHours = timeoutHours;
    }

    public Integer getTimeoutMinutes() {
        return timeoutMinutes;
    }

    public void setTimeoutMinutes(Integer timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }
}

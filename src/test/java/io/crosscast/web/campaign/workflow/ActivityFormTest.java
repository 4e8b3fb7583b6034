package io.crosscast.web.campaign.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityFormTest {

    private static final String GOLD = "{\"field\":\"status\",\"operator\":\"equals\",\"values\":[\"GOLD\"]}";
    private static final String SILVER = "{\"field\":\"status\",\"operator\":\"equals\",\"values\":[\"SILVER\"]}";
    private static final String FRENCH = "{\"field\":\"country\",\"operator\":\"equals\",\"values\":[\"FR\"]}";

    private static ActivityForm form(String type, Map<String, String> config) {
        return new ActivityForm(type + "1", type, "A label", config);
    }

    private static Map<String, String> roundTrip(String type, Map<String, String> config) {
        return form(type, config).toConfig();
    }

    /** A map in the given order (key, value, key, value...). */
    private static Map<String, String> config(String... entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put(entries[i], entries[i + 1]);
        }
        return map;
    }

    private static List<String> labels(ActivityForm form) {
        return form.getSplit().getSubsets().stream()
                .map(SplitForm.Subset::getLabel)
                .toList();
    }

    // ---- each type's settings come back unchanged

    @Test
    void jumpsAndSignalsKeepTheirSettings() {
        Map<String, String> jump = config("target", "retry", "maxPasses", "5", "onLimit", "stop");
        assertEquals(jump, roundTrip("jumpFrom", jump));
        assertEquals(Map.of("name", "retry"), roundTrip("jumpTo", Map.of("name", "retry")));
        Map<String, String> signal = config("name", "paid", "timeoutHours", "48", "timeoutSeconds", "30");
        assertEquals(signal, roundTrip("externalSignal", signal), "seconds, without a field, are kept as they are");

        ActivityForm form = form("jumpFrom", config("target", "retry", "onLimit", "stop"));
        form.setOnLimit("fail");
        assertEquals(Map.of("target", "retry"), form.toConfig(), "fail is the default: not written");
    }

    @Test
    void aQueryKeepsItsCondition() {
        assertEquals(Map.of("condition", FRENCH), roundTrip("query", Map.of("condition", FRENCH)));
    }

    @Test
    void aQueryKeepsItsLimitAndOrderAndDropsTheOrderWithoutALimit() {
        Map<String, String> limited =
                config("condition", FRENCH, "limit", "10%", "limitOrder", "createdAt desc", "seed", "42");
        assertEquals(limited, roundTrip("query", limited));
        ActivityForm form = form("query", limited);
        form.setLimit("");
        assertEquals(config("condition", FRENCH, "seed", "42"), form.toConfig());
    }

    @Test
    void aSplitSubsetKeepsTheOrderOfItsLimit() {
        Map<String, String> config =
                config("subset.1.condition", GOLD, "subset.1.limit", "100", "subset.1.limitOrder", "createdAt desc");
        assertEquals(config, roundTrip("split", config));
        ActivityForm form = form("split", config);
        form.getSplit().getSubsets().get(0).setLimit(null);
        assertEquals(config("subset.1.condition", GOLD), form.toConfig(), "no order without a limit");
    }

    @Test
    void anAbTestKeepsItsVariantsRuleAndOptions() {
        Map<String, String> config = config(
                "deliveries",
                "4,7",
                "samplePercent",
                "10",
                "wait",
                "PT4H",
                "winner",
                "linkClicks",
                "link",
                "https://shop.example.com/offer",
                "peopleOnly",
                "false");
        assertEquals(config, roundTrip("abTest", config));
        ActivityForm form = form("abTest", config);
        assertEquals(List.of("4", "7"), form.getVariants());
        form.setWinner("opens");
        form.setPeopleOnly(true);
        form.setVariants(List.of("4", "7", "9"));
        assertEquals(
                config("deliveries", "4,7,9", "samplePercent", "10", "wait", "PT4H", "winner", "opens"),
                form.toConfig());
    }

    @Test
    void aSplitKeepsItsSubsetsAndOptions() {
        Map<String, String> config = config(
                "subset.1.condition",
                GOLD,
                "subset.1.label",
                "Gold",
                "subset.2.condition",
                SILVER,
                "subset.2.label",
                "Silver",
                "subset.2.limit",
                "50%",
                "subset.3.label",
                "Everyone else",
                "subset.3.limit",
                "100",
                "overlap",
                "true",
                "complement",
                "true");

        ActivityForm form = form("split", config);

        assertEquals(config, form.toConfig());
        assertEquals(List.of("Gold", "Silver", "Everyone else"), labels(form));
        assertEquals("50%", form.getSplit().getSubsets().get(1).getLimit());
        assertNull(form.getSplit().getSubsets().get(2).getCondition());
        assertTrue(form.getSplit().isOverlap());
        assertTrue(form.getSplit().isComplement());
    }

    @Test
    void aSplitWithoutOptionsSaysNothingOfThem() {
        Map<String, String> config = config("subset.1.condition", GOLD);

        ActivityForm form = form("split", config);

        assertEquals(config, form.toConfig());
        assertFalse(form.getSplit().isOverlap());
        assertFalse(form.getSplit().isComplement());
    }

    @Test
    void aSplitWithoutSubsetsGetsOneEmptySubset() {
        ActivityForm form = form("split", Map.of());

        assertEquals(1, form.getSplit().getSubsets().size());
        SplitForm.Subset subset = form.getSplit().getSubsets().get(0);
        assertNull(subset.getLabel());
        assertNull(subset.getLimit());
        assertNull(subset.getCondition());
        assertEquals(Map.of(), form.toConfig());
    }

    @Test
    void otherTypesHaveNoSubsets() {
        assertTrue(form("query", Map.of()).getSplit().getSubsets().isEmpty());
        assertTrue(form("wait", Map.of("days", "1")).getSplit().getSubsets().isEmpty());
    }

    @Test
    void aWaitKeepsItsDaysHoursAndMinutes() {
        assertEquals(
                Map.of("days", "2", "hours", "3", "minutes", "30"),
                roundTrip("wait", Map.of("days", "2", "hours", "3", "minutes", "30")));
        assertEquals(Map.of("hours", "12"), roundTrip("wait", Map.of("hours", "12")));
        assertEquals(Map.of("minutes", "0"), roundTrip("wait", Map.of("minutes", "0")));
    }

    @Test
    void aWaitReadsItsNumbers() {
        ActivityForm form = form("wait", Map.of("days", " 2 ", "minutes", "45"));

        assertEquals(2, form.getDays());
        assertNull(form.getHours());
        assertEquals(45, form.getMinutes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"daily=09:30", "weekly=MON 09:00", "cron=0 0 9 ? * MON-FRI"})
    void aSchedulerKeepsItsModeAndZone(String setting) {
        String mode = setting.substring(0, setting.indexOf('='));
        String value = setting.substring(setting.indexOf('=') + 1);
        Map<String, String> config = config(mode, value, "zone", "Europe/Paris");

        ActivityForm form = form("scheduler", config);

        assertEquals(config, form.toConfig());
        assertEquals(mode, form.getSchedulerMode());
        assertEquals(value, form.getSchedulerValue());
        assertEquals(Map.of(mode, value), roundTrip("scheduler", Map.of(mode, value)));
    }

    @Test
    void aSchedulerAtAnInstantHasNoZone() {
        assertEquals(
                Map.of("at", "2026-03-01T09:00:00Z"), roundTrip("scheduler", Map.of("at", "2026-03-01T09:00:00Z")));
        assertEquals(
                Map.of("at", "2026-03-01T09:00:00Z"),
                roundTrip("scheduler", Map.of("at", "2026-03-01T09:00:00Z", "zone", "Europe/Paris")));
    }

    @Test
    void aSchedulerSavesOnlyItsCurrentMode() {
        ActivityForm form = form("scheduler", config("daily", "09:30", "zone", "UTC"));

        form.setSchedulerMode("cron");
        form.setSchedulerValue("0 0 8 * * ?");

        assertEquals(config("cron", "0 0 8 * * ?", "zone", "UTC"), form.toConfig());
    }

    @Test
    void anUnknownSchedulerModeBecomesDaily() {
        ActivityForm form = form("scheduler", Map.of("weekly", "MON 09:00"));

        form.setSchedulerMode("hourly");

        assertEquals("daily", form.getSchedulerMode());
        assertEquals(Map.of("daily", "MON 09:00"), form.toConfig());
    }

    @Test
    void aListUpdateKeepsItsListModeAndOutbound() {
        for (String mode : List.of("add", "replace", "remove")) {
            Map<String, String> config = config("list", "Engaged", "mode", mode, "outbound", "true");
            assertEquals(config, roundTrip("listUpdate", config), mode);
        }
        assertEquals(
                config("list", "Engaged", "mode", "replace"),
                roundTrip("listUpdate", config("list", "Engaged", "mode", "replace")));
    }

    @Test
    void aListUpdateAddsByDefault() {
        ActivityForm form = form("listUpdate", Map.of("list", "Engaged"));

        assertEquals("add", form.getListMode());
        assertFalse(form.isOutbound());
        assertEquals("add", form.toConfig().get("mode"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"emailDelivery", "smsDelivery"})
    void aDeliveryKeepsItsDeliveryAndOutbound(String type) {
        assertEquals(
                config("delivery", "12", "outbound", "true"),
                roundTrip(type, config("delivery", "12", "outbound", "true")));
        assertEquals(Map.of("delivery", "12"), roundTrip(type, Map.of("delivery", "12")));
        assertEquals(12L, form(type, Map.of("delivery", "12")).getDelivery());
    }

    @Test
    void aDeliveryIdIsALong() {
        // delivery ids are database ids (long): one past the int range must not be lost
        assertEquals(Map.of("delivery", "3000000000"), roundTrip("emailDelivery", Map.of("delivery", "3000000000")));
        assertEquals(
                3_000_000_000L,
                form("smsDelivery", Map.of("delivery", "3000000000")).getDelivery());
    }

    @Test
    void aDeliveryChosenInTheDialogIsSaved() {
        ActivityForm form = form("emailDelivery", Map.of());

        form.setDelivery(44L);
        form.setOutbound(true);

        assertEquals(config("delivery", "44", "outbound", "true"), form.toConfig());
    }

    @Test
    void aTestKeepsItsExpression() {
        assertEquals(Map.of("expression", "count>=100"), roundTrip("test", Map.of("expression", "count>=100")));
        assertEquals(Map.of("expression", "count!=0"), roundTrip("test", Map.of("expression", "count!=0")));
    }

    @Test
    void aTestsMinimumBecomesAnExpression() {
        ActivityForm form = form("test", Map.of("min", "5"));

        assertEquals("count>=5", form.getExpression());
        assertEquals(Map.of("expression", "count>=5"), form.toConfig());
    }

    @Test
    void aTestWithoutSettingsHasNone() {
        assertEquals(Map.of(), roundTrip("test", Map.of()));
    }

    @Test
    void aForkKeepsItsBranches() {
        assertEquals(Map.of("branches", "3"), roundTrip("fork", Map.of("branches", "3")));
        assertEquals(Map.of(), roundTrip("fork", Map.of()));
    }

    @Test
    void anExclusionKeepsItsMainSet() {
        assertEquals(
                Map.of("main", "query1.out>exclusion1"),
                roundTrip("exclusion", Map.of("main", "query1.out>exclusion1")));
    }

    @Test
    void aDeduplicationKeepsItsKey() {
        assertEquals(Map.of("key", "mobilePhone"), roundTrip("deduplication", Map.of("key", "mobilePhone")));
        assertEquals(Map.of("key", "email"), roundTrip("deduplication", Map.of("key", "email")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "end", "union", "intersection", "andJoin"})
    void typesWithoutSettingsLeaveWhatTheyWereGivenAlone(String type) {
        assertEquals(Map.of(), roundTrip(type, Map.of()));
        assertEquals(
                Map.of("days", "2", "list", "x", "condition", GOLD),
                roundTrip(type, Map.of("days", "2", "list", "x", "condition", GOLD)));
    }

    @Test
    void aTypeEditsItsOwnSettingsAndKeepsTheOthers() {
        Map<String, String> mixed = config(
                "condition",
                GOLD,
                "days",
                "2",
                "list",
                "Engaged",
                "delivery",
                "12",
                "expression",
                "count>0",
                "branches",
                "3",
                "main",
                "a.out>b",
                "key",
                "email");
        ActivityForm wait = new ActivityForm("wait1", "wait", "", mixed);
        wait.setDays(5);
        Map<String, String> expected = new LinkedHashMap<>(mixed);
        expected.put("days", "5");
        assertEquals(expected, wait.toConfig());
        ActivityForm fork = new ActivityForm("fork1", "fork", "", mixed);
        fork.setBranches(null);
        expected = new LinkedHashMap<>(mixed);
        expected.remove("branches");
        assertEquals(expected, fork.toConfig(), "a cleared field is removed, the rest is kept");
    }

    // ---- blank fields

    @Test
    void blankFieldsAreLeftOut() {
        ActivityForm list = form("listUpdate", config("list", "Engaged", "mode", "add"));
        list.setList("   ");
        list.setListMode("");
        assertEquals(Map.of(), list.toConfig());

        ActivityForm query = form("query", Map.of("condition", GOLD));
        query.setFocusedCondition(" ");
        assertEquals(Map.of(), query.toConfig());

        ActivityForm wait = form("wait", Map.of("days", "2", "hours", "1"));
        wait.setDays(null);
        assertEquals(Map.of("hours", "1"), wait.toConfig());

        ActivityForm test = form("test", Map.of("expression", "count>0"));
        test.setExpression("");
        assertEquals(Map.of(), test.toConfig());

        ActivityForm scheduler = form("scheduler", config("daily", "09:00", "zone", "UTC"));
        scheduler.setZone(" ");
        assertEquals(Map.of("daily", "09:00"), scheduler.toConfig());
    }

    @Test
    void blankSubsetFieldsAreLeftOut() {
        ActivityForm form =
                form("split", config("subset.1.condition", GOLD, "subset.1.label", "Gold", "subset.1.limit", "10"));
        form.getSplit().getSubsets().get(0).setLabel("  ");
        form.getSplit().getSubsets().get(0).setLimit("");

        assertEquals(Map.of("subset.1.condition", GOLD), form.toConfig());
    }

    @Test
    void blankSettingsReadAsAbsent() {
        assertEquals(Map.of(), roundTrip("wait", Map.of("days", " ")));
        assertEquals(Map.of(), roundTrip("emailDelivery", Map.of("delivery", "")));
        assertEquals(Map.of(), roundTrip("exclusion", Map.of("main", "  ")));
    }

    @Test
    void savedTextIsTrimmed() {
        ActivityForm form = form("listUpdate", Map.of());
        form.setList("  Engaged ");
        form.setListMode("replace");

        assertEquals(config("list", "Engaged", "mode", "replace"), form.toConfig());
    }

    @Test
    void anOutboundFlagIsSavedOnlyWhenOn() {
        ActivityForm form = form("emailDelivery", config("delivery", "3", "outbound", "true"));

        form.setOutbound(false);

        assertEquals(Map.of("delivery", "3"), form.toConfig());
        assertFalse(form("listUpdate", Map.of("list", "x", "outbound", "false"))
                .toConfig()
                .containsKey("outbound"));
    }

    // ---- subsets

    private static ActivityForm threeSubsets() {
        return form(
                "split",
                config(
                        "subset.1.label",
                        "Gold",
                        "subset.1.condition",
                        GOLD,
                        "subset.2.label",
                        "Silver",
                        "subset.2.condition",
                        SILVER,
                        "subset.3.label",
                        "French",
                        "subset.3.condition",
                        FRENCH));
    }

    @Test
    void aSplitStartsWithItsFirstSubsetSelected() {
        ActivityForm form = threeSubsets();

        assertEquals(0, form.getSplit().getSelectedSubset());
        assertEquals(GOLD, form.focusedCondition());
    }

    @Test
    void addingASubsetAppendsAnEmptyOneAndSelectsIt() {
        ActivityForm form = threeSubsets();

        form.getSplit().addSubset();

        assertEquals(4, form.getSplit().getSubsets().size());
        assertEquals(3, form.getSplit().getSelectedSubset());
        assertNull(form.focusedCondition());
        form.getSplit().getSubsets().get(3).setLabel("New");
        assertEquals("New", form.toConfig().get("subset.4.label"));
    }

    @Test
    void removingASubsetRenumbersTheOthers() {
        ActivityForm form = threeSubsets();

        form.getSplit().removeSubset(0);

        assertEquals(List.of("Silver", "French"), labels(form));
        assertEquals(
                config(
                        "subset.1.condition",
                        SILVER,
                        "subset.1.label",
                        "Silver",
                        "subset.2.condition",
                        FRENCH,
                        "subset.2.label",
                        "French"),
                form.toConfig());
    }

    @Test
    void aSplitKeepsAtLeastOneSubset() {
        ActivityForm form = form("split", Map.of("subset.1.label", "Only"));

        form.getSplit().removeSubset(0);

        assertEquals(List.of("Only"), labels(form));
        assertEquals(0, form.getSplit().getSelectedSubset());
    }

    @Test
    void removingASubsetThatIsNotThereChangesNothing() {
        ActivityForm form = threeSubsets();

        form.getSplit().removeSubset(3);
        form.getSplit().removeSubset(-1);

        assertEquals(List.of("Gold", "Silver", "French"), labels(form));
    }

    @Test
    void removingTheSelectedLastSubsetSelectsTheNewLast() {
        ActivityForm form = threeSubsets();
        form.getSplit().setSelectedSubset(2);

        form.getSplit().removeSubset(2);

        assertEquals(1, form.getSplit().getSelectedSubset());
        assertEquals(SILVER, form.focusedCondition());
    }

    @Test
    void removingASubsetBeforeTheSelectedOneKeepsItSelected() {
        ActivityForm form = threeSubsets();
        form.getSplit().setSelectedSubset(1);

        form.getSplit().removeSubset(0);

        assertEquals(0, form.getSplit().getSelectedSubset());
        assertEquals(SILVER, form.focusedCondition());
    }

    @Test
    void removingASubsetAfterTheSelectedOneKeepsItSelected() {
        ActivityForm form = threeSubsets();
        form.getSplit().setSelectedSubset(1);

        form.getSplit().removeSubset(2);

        assertEquals(1, form.getSplit().getSelectedSubset());
        assertEquals(SILVER, form.focusedCondition());
    }

    @Test
    void movingASubsetUpSwapsItWithThePreviousOneAndSelectsIt() {
        ActivityForm form = threeSubsets();

        form.getSplit().moveSubsetUp(2);

        assertEquals(List.of("Gold", "French", "Silver"), labels(form));
        assertEquals(1, form.getSplit().getSelectedSubset());
        assertEquals(FRENCH, form.focusedCondition());
        assertEquals("French", form.toConfig().get("subset.2.label"));
        assertEquals(SILVER, form.toConfig().get("subset.3.condition"));
    }

    @Test
    void aBlankSubsetKeepsItsPlaceAndTheSubsetsAfterIt() {
        ActivityForm form = threeSubsets();
        form.getSplit().getSubsets().get(1).setLabel(" ");
        form.getSplit().getSubsets().get(1).setCondition(null);
        form.getSplit().addSubset();

        Map<String, String> config = form.toConfig();

        assertEquals("", config.get("subset.2.label"));
        assertEquals("", config.get("subset.4.label"));
        assertEquals(List.of("Gold", "", "French", ""), labels(form("split", config)));
    }

    @Test
    void subsetsMovedOrRemovedAreTracedToTheOutputTheyHad() {
        ActivityForm form = threeSubsets();

        form.getSplit().moveSubsetUp(2);
        form.getSplit().removeSubset(0);
        form.getSplit().addSubset();

        SplitForm split = form.getSplit();
        assertEquals("subset3", split.outputBefore("subset1"), "French, moved up, then first");
        assertEquals("subset2", split.outputBefore("subset2"), "Silver");
        assertNull(split.outputBefore("subset3"), "the subset added");
        assertEquals("subset4", split.outputBefore("subset4"), "no such subset");
        assertEquals("complement", split.outputBefore("complement"));
        assertNull(form("split", Map.of()).getSplit().outputBefore("subset1"), "a new Split's first subset");
        assertEquals("subset1", form("query", Map.of()).getSplit().outputBefore("subset1"));
    }

    @Test
    void theFirstSubsetCannotMoveUp() {
        ActivityForm form = threeSubsets();
        form.getSplit().setSelectedSubset(2);

        form.getSplit().moveSubsetUp(0);
        form.getSplit().moveSubsetUp(3);

        assertEquals(List.of("Gold", "Silver", "French"), labels(form));
        assertEquals(2, form.getSplit().getSelectedSubset());
    }

    @Test
    void onlyAnExistingSubsetCanBeSelected() {
        ActivityForm form = threeSubsets();
        form.getSplit().setSelectedSubset(1);

        form.getSplit().setSelectedSubset(3);
        form.getSplit().setSelectedSubset(-1);

        assertEquals(1, form.getSplit().getSelectedSubset());
    }

    // ---- the condition in focus

    @Test
    void aQueryFocusesItsCondition() {
        ActivityForm form = form("query", Map.of("condition", GOLD));

        assertTrue(form.hasConditionBuilder());
        assertEquals(GOLD, form.focusedCondition());

        form.setFocusedCondition(SILVER);

        assertEquals(SILVER, form.focusedCondition());
        assertEquals(Map.of("condition", SILVER), form.toConfig());
    }

    @Test
    void aQueryWithoutConditionFocusesNone() {
        assertNull(form("query", Map.of()).focusedCondition());
    }

    @Test
    void aSplitFocusesTheSelectedSubsetsCondition() {
        ActivityForm form = threeSubsets();
        form.getSplit().setSelectedSubset(1);

        assertEquals(SILVER, form.focusedCondition());

        form.setFocusedCondition(FRENCH);

        Map<String, String> config = form.toConfig();
        assertEquals(GOLD, config.get("subset.1.condition"));
        assertEquals(FRENCH, config.get("subset.2.condition"));
        assertEquals(FRENCH, config.get("subset.3.condition"));
        assertNull(config.get("condition"));
    }

    @Test
    void clearingASubsetsConditionLeavesItOut() {
        ActivityForm form = threeSubsets();

        form.setFocusedCondition(null);

        assertFalse(form.toConfig().containsKey("subset.1.condition"));
        assertEquals("Gold", form.toConfig().get("subset.1.label"));
    }

    @Test
    void onlyQueriesAndSplitsHaveAConditionBuilder() {
        assertTrue(form("split", Map.of()).hasConditionBuilder());
        assertFalse(form("wait", Map.of()).hasConditionBuilder());
        assertFalse(form("emailDelivery", Map.of()).hasConditionBuilder());
    }

    @Test
    void theFormKeepsItsIdentityAndLabel() {
        ActivityForm form = new ActivityForm("wait3", "wait", "Later", Map.of());
        form.setLabel("Much later");

        assertEquals("wait3", form.getId());
        assertEquals("wait", form.getType());
        assertEquals("Much later", form.getLabel());
    }

    @Test
    void settingsWithoutAFieldComeBackAsTheyWere() {
        ActivityForm split = new ActivityForm("split1", "split", "", Map.of("subset.1.label", "Gold", "seed", "42"));
        split.getSplit().setComplement(true);
        assertEquals(Map.of("subset.1.label", "Gold", "seed", "42", "complement", "true"), split.toConfig());
        ActivityForm wait = new ActivityForm("wait1", "wait", "", Map.of("until", "2026-03-01T09:00:00Z"));
        assertEquals(Map.of("until", "2026-03-01T09:00:00Z"), wait.toConfig());
    }
}

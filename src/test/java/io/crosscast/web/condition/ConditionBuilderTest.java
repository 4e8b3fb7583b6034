package io.crosscast.web.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.audience.condition.ConditionProblem;
import io.crosscast.audience.condition.ConditionValidator;
import io.crosscast.audience.condition.Group;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.audience.condition.Logic;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.ProblemCode;
import io.crosscast.audience.condition.RecipientField;
import io.crosscast.audience.condition.Rule;
import io.crosscast.audience.condition.TrackingLogRule;
import io.crosscast.audience.condition.TrackingLogRule.LogType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The condition builder without a container: rows, loading, building, the live count. */
class ConditionBuilderTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate JAN_31 = LocalDate.of(2026, 1, 31);

    /** The conditions the counter was asked to count. */
    private final List<Condition> counted = new ArrayList<>();

    private ConditionBuilder builder(boolean incomingDeliveryAllowed) {
        ConditionBuilder builder = new ConditionBuilder(
                condition -> {
                    counted.add(condition);
                    return 42L;
                },
                incomingDeliveryAllowed);
        builder.setWording(ConditionProblem::message);
        return builder;
    }

    /** Loads {@code condition} and checks it comes back equal, also through JSON. */
    private ConditionBuilder roundTrip(Condition condition, boolean incomingDeliveryAllowed) {
        ConditionBuilder builder = builder(incomingDeliveryAllowed);
        builder.load(condition);
        assertEquals(condition, builder.condition());
        assertEquals(condition, ConditionJson.fromJson(ConditionJson.toJson(builder.condition())));
        return builder;
    }

    private static <R extends ConditionRow> R onlyRow(ConditionBuilder builder, Class<R> type) {
        assertEquals(1, builder.getRoot().getChildren().size());
        return assertInstanceOf(type, builder.getRoot().getChildren().get(0));
    }

    // Behaviour rules

    @Test
    void theFieldsOfferTheDeliveryBehaviour() {
        assertTrue(builder(false).getFields().contains("delivery"));
        assertEquals(RecipientField.values().length, builder(false).getFields().size());
    }

    @Test
    void choosingTheDeliveryBehaviourOffersItsOperatorsPeopleOnlyFirstAndADeliveryChooser() {
        ConditionBuilder builder = builder(false);
        builder.addRule();
        RuleRow rule = onlyRow(builder, RuleRow.class);
        rule.setValue("GOLD");
        rule.setField("delivery");
        builder.fieldChanged(rule);

        assertEquals(
                List.of(
                        Operator.SENT,
                        Operator.FAILED,
                        Operator.OPENED_PEOPLE_ONLY,
                        Operator.CLICKED_PEOPLE_ONLY,
                        Operator.OPENED_OR_CLICKED_PEOPLE_ONLY,
                        Operator.NEITHER_OPENED_NOR_CLICKED_PEOPLE_ONLY,
                        Operator.DID_NOT_CLICK_PEOPLE_ONLY,
                        Operator.OPENED,
                        Operator.CLICKED,
                        Operator.OPENED_OR_CLICKED,
                        Operator.NEITHER_OPENED_NOR_CLICKED,
                        Operator.DID_NOT_CLICK),
                rule.getOperators());
        assertEquals(Operator.SENT, rule.getOperator());
        assertEquals("delivery", rule.getValueKind());
        assertNull(rule.getValue());
        assertTrue(rule.isIncoming());

        rule.setOperator(Operator.DID_NOT_CLICK);
        rule.setValue("12");
        builder.refresh();
        assertFalse(rule.isIncoming());
        assertEquals(Group.and(Rule.of(RecipientField.DELIVERY, Operator.DID_NOT_CLICK, "12")), builder.condition());
        assertEquals(42L, builder.getCount());
        assertEquals(List.of(), builder.getProblems());
    }

    @ParameterizedTest
    @EnumSource(
            value = Operator.class,
            names = {
                "SENT",
                "FAILED",
                "OPENED",
                "CLICKED",
                "OPENED_OR_CLICKED",
                "NEITHER_OPENED_NOR_CLICKED",
                "DID_NOT_CLICK"
            })
    void aBehaviourRuleOnADeliveryRoundTrips(Operator operator) {
        Rule rule = Rule.of(RecipientField.DELIVERY, operator, "12");
        ConditionBuilder builder = roundTrip(Group.and(rule), false);
        RuleRow row = onlyRow(builder, RuleRow.class);
        assertEquals("delivery", row.getField());
        assertEquals(operator, row.getOperator());
        assertEquals("12", row.getValue());
        assertEquals("delivery", row.getValueKind());
        assertEquals(rule, row.build());
    }

    @ParameterizedTest
    @EnumSource(
            value = Operator.class,
            names = {
                "SENT",
                "FAILED",
                "OPENED",
                "CLICKED",
                "OPENED_OR_CLICKED",
                "NEITHER_OPENED_NOR_CLICKED",
                "DID_NOT_CLICK"
            })
    void aBehaviourRuleOnTheIncomingDeliveryRoundTrips(Operator operator) {
        Rule rule = Rule.of(RecipientField.DELIVERY, operator);
        ConditionBuilder builder = roundTrip(Group.or(rule), true);
        RuleRow row = onlyRow(builder, RuleRow.class);
        assertNull(row.getValue());
        assertTrue(row.isIncoming());
        assertEquals(rule, row.build());
    }

    // Tracking-log rules

    static Stream<TrackingLogRule> trackingLogRules() {
        return Stream.of(
                TrackingLogRule.builder().build(),
                TrackingLogRule.builder().type(LogType.OPEN).build(),
                TrackingLogRule.builder().type(LogType.CLICK).build(),
                TrackingLogRule.builder().type(LogType.UNSUBSCRIBE).build(),
                TrackingLogRule.builder().type(LogType.CLICK).label("offer").build(),
                TrackingLogRule.builder()
                        .type(LogType.CLICK)
                        .urlContains("/spring-sale")
                        .build(),
                TrackingLogRule.builder()
                        .type(LogType.CLICK)
                        .urlContains("example.com")
                        .label("offer")
                        .build(),
                TrackingLogRule.builder().delivery(12).build(),
                TrackingLogRule.builder().type(LogType.OPEN).incomingDelivery().build(),
                TrackingLogRule.builder().from(JAN_1).build(),
                TrackingLogRule.builder().to(JAN_31).build(),
                TrackingLogRule.builder().from(JAN_1).to(JAN_31).build(),
                TrackingLogRule.builder().inLastDays(7).build(),
                TrackingLogRule.builder().inLastDays(0).build(),
                TrackingLogRule.builder().atLeast(3).build(),
                TrackingLogRule.builder().none().build(),
                TrackingLogRule.builder()
                        .type(LogType.OPEN)
                        .incomingDelivery()
                        .none()
                        .build(),
                TrackingLogRule.builder()
                        .type(LogType.CLICK)
                        .urlContains("sale")
                        .label("offer")
                        .delivery(12)
                        .from(JAN_1)
                        .to(JAN_31)
                        .atLeast(2)
                        .build(),
                TrackingLogRule.builder()
                        .type(LogType.CLICK)
                        .label("offer")
                        .delivery(12)
                        .inLastDays(7)
                        .none()
                        .build());
    }

    @ParameterizedTest
    @MethodSource("trackingLogRules")
    void aTrackingLogRuleRoundTrips(TrackingLogRule rule) {
        ConditionBuilder builder = roundTrip(Group.and(rule), true);
        TrackingLogRow row = onlyRow(builder, TrackingLogRow.class);
        assertEquals("trackingLog", row.getKind());
        // The form shows the rule as it is: built from what it shows, it is the same rule.
        assertEquals(rule, row.build());
        assertEquals(List.of(), ConditionValidator.problems(builder.condition()));
    }

    @Test
    void aLoadedTrackingLogRuleShowsEachOption() {
        TrackingLogRule rule = TrackingLogRule.builder()
                .type(LogType.CLICK)
                .label("offer")
                .delivery(12)
                .inLastDays(7)
                .atLeast(2)
                .build();
        TrackingLogRow row = onlyRow(roundTrip(rule, false), TrackingLogRow.class);
        assertEquals(LogType.CLICK, row.getType());
        assertEquals(TrackingLogRow.LINK_LABEL, row.getLinkMatch());
        assertTrue(row.isLabelShown());
        assertFalse(row.isUrlShown());
        assertEquals("offer", row.getLabel());
        assertEquals("12", row.getDelivery());
        assertFalse(row.isIncoming());
        assertEquals(TrackingLogRow.PERIOD_LAST_DAYS, row.getPeriod());
        assertEquals("7", row.getDays());
        assertEquals(TrackingLogRow.COUNT_AT_LEAST, row.getCount());
        assertEquals("2", row.getAtLeast());

        TrackingLogRule other = TrackingLogRule.builder()
                .urlContains("sale")
                .incomingDelivery()
                .from(JAN_1)
                .to(JAN_31)
                .none()
                .build();
        TrackingLogRow second = onlyRow(roundTrip(other, true), TrackingLogRow.class);
        assertEquals(LogType.ANY, second.getType());
        assertEquals(TrackingLogRow.LINK_URL, second.getLinkMatch());
        assertEquals("sale", second.getUrlContains());
        assertTrue(second.isIncoming());
        assertEquals(TrackingLogRow.PERIOD_DATES, second.getPeriod());
        assertEquals("2026-01-01", second.getFrom());
        assertEquals("2026-01-31", second.getTo());
        assertEquals(TrackingLogRow.COUNT_NONE, second.getCount());
    }

    @Test
    void aTrackingLogRuleIsBuiltFromTheForm() {
        ConditionBuilder builder = builder(false);
        builder.addTrackingLog();
        TrackingLogRow row = onlyRow(builder, TrackingLogRow.class);
        // A new row counts people only; "all" is what a rule loaded without the option means.
        assertEquals(
                Group.and(TrackingLogRule.builder()
                        .type(LogType.CLICK)
                        .actors(TrackingLogRule.Actors.PEOPLE)
                        .build()),
                builder.condition());
        assertEquals(TrackingLogRule.Actors.PEOPLE, row.getActors());
        row.setActors(TrackingLogRule.Actors.ALL);
        builder.refresh();
        assertEquals(Group.and(TrackingLogRule.builder().type(LogType.CLICK).build()), builder.condition());
        row.setActors(TrackingLogRule.Actors.PEOPLE);

        row.setType(LogType.OPEN);
        row.setLinkMatch(TrackingLogRow.LINK_BOTH);
        row.setLabel("offer");
        row.setUrlContains("sale");
        row.setDelivery("12");
        row.setPeriod(TrackingLogRow.PERIOD_DATES);
        row.setFrom("2026-01-01");
        row.setTo("2026-01-31");
        row.setAtLeast("3");
        builder.refresh();
        assertEquals(
                Group.and(TrackingLogRule.builder()
                        .type(LogType.OPEN)
                        .urlContains("sale")
                        .label("offer")
                        .delivery(12)
                        .from(JAN_1)
                        .to(JAN_31)
                        .actors(TrackingLogRule.Actors.PEOPLE)
                        .atLeast(3)
                        .build()),
                builder.condition());
        assertEquals(42L, builder.getCount());

        // Options the form no longer shows are left out.
        row.setLinkMatch(TrackingLogRow.LINK_ANY);
        row.setPeriod(TrackingLogRow.PERIOD_LAST_DAYS);
        row.setDays("30");
        row.setCount(TrackingLogRow.COUNT_NONE);
        row.setType(LogType.ANY);
        row.setDelivery(null);
        row.setActors(TrackingLogRule.Actors.ALL);
        assertEquals(Group.and(TrackingLogRule.builder().inLastDays(30).none().build()), builder.condition());
    }

    @Test
    void aLinkTextOrNumberOfDaysChosenButNotTypedIsAProblem() {
        ConditionBuilder builder = builder(false);
        builder.addTrackingLog();
        TrackingLogRow row = onlyRow(builder, TrackingLogRow.class);
        row.setLinkMatch(TrackingLogRow.LINK_LABEL);
        row.setPeriod(TrackingLogRow.PERIOD_LAST_DAYS);
        ConditionBuilder counting = new ConditionBuilder(condition -> {
            ConditionValidator.requireValid(condition);
            return 1L;
        });
        counting.setWording(problem -> problem.code().name());
        counting.load(builder.condition());
        assertNull(counting.getCount());
        assertEquals(List.of("EMPTY_TRACKING_OPTION", "NOT_A_DAY_COUNT"), counting.getProblems());
    }

    @Test
    void aLoadedRuleComesBackAsWrittenUntilItIsEdited() {
        TrackingLogRule written = TrackingLogRule.builder()
                .option("type", "Click")
                .option(TrackingLogRule.DELIVERY, " INCOMING ")
                .option(TrackingLogRule.AT_LEAST, "1")
                .option(TrackingLogRule.NONE, "false")
                .build();
        Rule spaced = new Rule("status", Operator.IN, List.of(" GOLD ", "silver"));
        Condition condition = Group.and(written, spaced);
        ConditionBuilder builder = roundTrip(condition, true);

        TrackingLogRow row = (TrackingLogRow) builder.getRoot().getChildren().get(0);
        assertEquals(LogType.CLICK, row.getType());
        assertTrue(row.isIncoming());
        row.setType(LogType.CLICK); // set to what it shows: still unchanged
        assertSame(written, row.toRule());
        row.setAtLeast("2");
        assertEquals(
                TrackingLogRule.builder()
                        .type(LogType.CLICK)
                        .incomingDelivery()
                        .atLeast(2)
                        .build(),
                row.toRule());

        RuleRow rule = (RuleRow) builder.getRoot().getChildren().get(1);
        assertEquals(" GOLD , silver", rule.getValue());
        assertSame(spaced, rule.toRule());
        rule.setValue("GOLD, SILVER");
        assertEquals(Rule.of(RecipientField.STATUS, Operator.IN, "GOLD", "SILVER"), rule.toRule());
    }

    @Test
    void anUnknownTrackingLogOptionIsKeptAndReported() {
        TrackingLogRule rule = TrackingLogRule.builder()
                .type(LogType.CLICK)
                .option("colour", "blue")
                .build();
        ConditionBuilder builder = builder(false);
        builder.load(rule);
        assertEquals(rule, builder.condition());
        ConditionBuilder strict = new ConditionBuilder(condition -> {
            ConditionValidator.requireValid(condition);
            return 1L;
        });
        strict.setWording(problem -> problem.code().name());
        strict.load(rule);
        assertEquals(List.of("UNKNOWN_TRACKING_OPTION"), strict.getProblems());
    }

    // Groups

    private static final Condition NESTED = Group.and(
            Rule.of(RecipientField.STATUS, Operator.EQUALS, "GOLD"),
            Group.or(
                    TrackingLogRule.builder()
                            .type(LogType.CLICK)
                            .label("offer")
                            .delivery(12)
                            .build(),
                    Group.and(
                            Rule.of(RecipientField.DELIVERY, Operator.OPENED, "12"),
                            Rule.of(RecipientField.LIST, Operator.MEMBER_OF_LIST, "3"),
                            Group.or(Rule.of(RecipientField.COUNTRY, Operator.IN, "FR", "BE"))),
                    Group.and()),
            TrackingLogRule.builder()
                    .type(LogType.OPEN)
                    .incomingDelivery()
                    .none()
                    .build(),
            Rule.of(RecipientField.DELIVERY, Operator.NEITHER_OPENED_NOR_CLICKED));

    @Test
    void nestedGroupsRoundTripInOrder() {
        ConditionBuilder builder = roundTrip(NESTED, true);
        List<String> lines = builder.getLines().stream()
                .map(l -> l.getKind() + "@" + l.getDepth())
                .toList();
        assertEquals(
                List.of(
                        "rule@0",
                        "group@0",
                        "trackingLog@1",
                        "group@1",
                        "rule@2",
                        "rule@2",
                        "group@2",
                        "rule@3",
                        "groupEnd@3",
                        "groupEnd@2",
                        "group@1",
                        "groupEnd@2",
                        "groupEnd@1",
                        "trackingLog@0",
                        "rule@0"),
                lines);
        assertEquals(Logic.OR, builder.getLines().get(1).getGroup().getLogic());
        assertInstanceOf(TrackingLogRow.class, builder.getLines().get(2).getTrackingLog());
        assertNull(builder.getLines().get(2).getRule());
        assertSame(
                builder.getLines().get(1).getGroup(), builder.getLines().get(2).getGroup());
    }

    @Test
    void rowsAddedInAGroupGoAtItsEnd() {
        ConditionBuilder builder = roundTrip(NESTED, true);
        GroupRow or = builder.getLines().get(1).getGroup();
        builder.addTrackingLogTo(or);
        builder.addRuleTo(or);
        builder.addGroupTo(or);
        Group group = (Group) ((Group) builder.condition()).children().get(1);
        assertEquals(6, group.children().size());
        assertEquals(
                TrackingLogRule.builder()
                        .type(LogType.CLICK)
                        .actors(TrackingLogRule.Actors.PEOPLE)
                        .build(),
                group.children().get(3));
        assertEquals(
                Rule.of(RecipientField.STATUS, Operator.EQUALS, ""),
                group.children().get(4));
        assertEquals(
                Group.and(Rule.of(RecipientField.STATUS, Operator.EQUALS, "")),
                group.children().get(5));
    }

    @Test
    void groupsNestNoDeeperThanTheValidatorAllows() {
        ConditionBuilder builder = builder(false);
        builder.addGroup();
        GroupRow deepest = (GroupRow) builder.getRoot().getChildren().get(0);
        for (int i = 0; i < 20; i++) {
            builder.addGroupTo(deepest);
            List<ConditionRow> children = deepest.getChildren();
            if (children.get(children.size() - 1) instanceof GroupRow group) {
                deepest = group;
            }
        }
        List<ConditionProblem> problems = ConditionValidator.validate(builder.condition());
        assertTrue(problems.stream().noneMatch(p -> p.code() == ProblemCode.TOO_DEEP), problems::toString);
        // The top level is level 1, a group heading at depth d is level d + 2.
        int deepestHead = builder.getLines().stream()
                .filter(l -> l.getKind().equals("group"))
                .mapToInt(ConditionBuilder.Line::getDepth)
                .max()
                .orElseThrow();
        assertEquals(ConditionValidator.MAX_DEPTH - 2, deepestHead);
        GroupRow last = deepest;
        ConditionBuilder.Line end = builder.getLines().stream()
                .filter(l -> l.getKind().equals("groupEnd") && l.getGroup() == last)
                .findFirst()
                .orElseThrow();
        assertFalse(end.isSubgroupAllowed());
        assertTrue(builder.getLines().stream()
                .filter(l -> l.getKind().equals("groupEnd") && l.getGroup() != last)
                .allMatch(ConditionBuilder.Line::isSubgroupAllowed));
    }

    @Test
    void removingTheLastRowOfAGroupRemovesTheGroupAndEmptiedParents() {
        Rule kept = Rule.of(RecipientField.STATUS, Operator.EQUALS, "GOLD");
        Rule lonely = Rule.of(RecipientField.COUNTRY, Operator.EQUALS, "FR");
        ConditionBuilder builder = roundTrip(Group.and(kept, Group.or(Group.and(lonely))), false);
        RuleRow row = builder.getLines().stream()
                .map(ConditionBuilder.Line::getRule)
                .filter(r -> r != null && r.getField().equals("country"))
                .findFirst()
                .orElseThrow();
        builder.removeRule(row);
        assertEquals(Group.and(kept), builder.condition());

        builder.addGroup();
        builder.removeGroup((GroupRow) builder.getRoot().getChildren().get(1));
        assertEquals(Group.and(kept), builder.condition());
    }

    @Test
    void aSingleRuleLoadsAsTheOnlyRowAndComesBackAlone() {
        Rule rule = Rule.of(RecipientField.DELIVERY, Operator.CLICKED, "7");
        ConditionBuilder builder = roundTrip(rule, false);
        assertEquals(1, builder.getRoot().getChildren().size());
        TrackingLogRule tracking =
                TrackingLogRule.builder().type(LogType.OPEN).delivery(7).build();
        roundTrip(tracking, false);

        builder.addRule();
        assertInstanceOf(Group.class, builder.condition());
        builder.setLogic(Logic.OR);
        builder.remove(builder.getRoot().getChildren().get(1));
        assertEquals(Group.or(rule), builder.condition());
    }

    @Test
    void loadingNothingClearsTheForm() {
        ConditionBuilder builder = roundTrip(NESTED, true);
        builder.load(null);
        assertTrue(builder.isEmpty());
        assertEquals(Group.and(), builder.condition());
        builder.load(NESTED);
        builder.clear();
        assertEquals(Group.and(), builder.condition());
    }

    // The live count

    @Test
    void aConditionOnNamedDeliveriesIsCounted() {
        ConditionBuilder builder = builder(false);
        Condition condition = Group.and(
                Rule.of(RecipientField.DELIVERY, Operator.OPENED, "12"),
                TrackingLogRule.builder().type(LogType.CLICK).delivery(12).build());
        builder.load(condition);
        assertEquals(42L, builder.getCount());
        assertFalse(builder.isCountDeferred());
        assertEquals(List.of(condition), counted);
    }

    @Test
    void aConditionOnTheIncomingDeliveryIsNotCountedButNoted() {
        ConditionBuilder builder = builder(true);
        builder.load(NESTED);
        assertNull(builder.getCount());
        assertTrue(builder.isCountDeferred());
        assertEquals(List.of(), builder.getProblems());
        assertEquals(List.of(), counted);
    }

    @Test
    void whereTheIncomingDeliveryIsNotAllowedADeliveryMustBeChosen() {
        ConditionBuilder builder = builder(false);
        builder.addRule();
        counted.clear();
        RuleRow rule = onlyRow(builder, RuleRow.class);
        rule.setField("delivery");
        builder.fieldChanged(rule);
        assertNull(builder.getCount());
        assertFalse(builder.isCountDeferred());
        assertEquals(List.of(ProblemCode.NO_INCOMING_DELIVERY.format(List.of("delivery"))), builder.getProblems());
        assertEquals(List.of(), counted);
        assertEquals(List.of(), builder.incomingOption(new TrackingLogRow()));
    }

    @Test
    void theIncomingDeliveryOptionIsOfferedWhereAllowedOrAlreadyUsed() {
        assertEquals(List.of("incoming"), builder(true).incomingOption(new TrackingLogRow()));
        TrackingLogRow row = new TrackingLogRow();
        row.setDelivery("incoming");
        assertEquals(List.of("incoming"), builder(false).incomingOption(row));
    }

    @Test
    void anInvalidConditionOnTheIncomingDeliveryShowsItsProblemsNotTheNote() {
        ConditionBuilder builder = builder(true);
        builder.load(Group.and(
                Rule.of(RecipientField.DELIVERY, Operator.OPENED),
                TrackingLogRule.builder().atLeast(0).build()));
        assertFalse(builder.isCountDeferred());
        assertEquals(List.of(ProblemCode.NOT_A_LOG_COUNT.format(List.of("0", "1000000"))), builder.getProblems());
    }

    @Test
    void problemsFromTheCounterShowInsteadOfTheCount() {
        ConditionBuilder builder = new ConditionBuilder(condition -> {
            throw new InvalidConditionException(ConditionValidator.validate(condition));
        });
        builder.setWording(ConditionProblem::message);
        builder.load(Rule.of(RecipientField.DELIVERY, Operator.OPENED, "zero"));
        assertNull(builder.getCount());
        assertEquals(List.of("delivery id 'zero' is not a number"), builder.getProblems());
    }

    @Test
    void theBuilderSurvivesSerialization() throws IOException, ClassNotFoundException {
        ConditionBuilder builder = new ConditionBuilder(condition -> 5L, true);
        builder.setWording(ConditionProblem::message);
        builder.load(NESTED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(builder);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ConditionBuilder copy = (ConditionBuilder) in.readObject();
            assertEquals(NESTED, copy.condition());
            assertTrue(copy.isCountDeferred());
        }
    }

    @Test
    void enrichmentFieldsAreOfferedWithTheOperatorsOfTheirKindAndSavedAsEnrichmentRules() {
        ConditionBuilder builder = builder(true);
        builder.setEnrichmentFields(List.of(
                new EnrichmentField("clicks", EnrichmentField.Kind.NUMBER),
                new EnrichmentField("lastOpen", EnrichmentField.Kind.DATE),
                new EnrichmentField("city", EnrichmentField.Kind.TEXT)));
        List<String> fields = builder.getFields();
        assertEquals(
                List.of("enrichment.clicks", "enrichment.lastOpen", "enrichment.city"),
                fields.subList(fields.size() - 3, fields.size()),
                "after the recipient fields");
        assertEquals(
                "Enrichment: clicks",
                ConditionBuilder.fieldLabel(
                        "enrichment.clicks", ResourceBundle.getBundle("io.crosscast.web.messages", Locale.ROOT)));
        assertEquals(
                "Enrichissement : clicks",
                ConditionBuilder.fieldLabel(
                        "enrichment.clicks", ResourceBundle.getBundle("io.crosscast.web.messages", Locale.FRENCH)));

        builder.addRule();
        RuleRow rule = onlyRow(builder, RuleRow.class);
        rule.setField("enrichment.clicks");
        builder.fieldChanged(rule);
        assertEquals(Operator.EQUALS, rule.getOperator(), "the operator kept where it applies");
        rule.setOperator(Operator.GREATER_OR_EQUAL);
        assertTrue(rule.getOperators().containsAll(List.of(Operator.LESS_THAN, Operator.EQUALS, Operator.IS_EMPTY)));
        assertFalse(rule.getOperators().contains(Operator.IN_LAST_DAYS));
        assertEquals("count", rule.getValueKind());
        assertEquals("operator.number.greater_or_equal", rule.operatorKey(Operator.GREATER_OR_EQUAL));
        assertEquals("operator.equals", rule.operatorKey(Operator.EQUALS));
        rule.setValue(" 2 ");
        builder.refresh();
        assertEquals(
                new Group(Logic.AND, List.of(new Rule("enrichment.clicks", Operator.GREATER_OR_EQUAL, List.of("2")))),
                builder.condition());
        assertNull(builder.getCount(), "an enrichment value is counted in a run only");
        assertTrue(builder.isCountDeferred());
        assertEquals(List.of(), builder.getProblems());

        rule.setField("enrichment.lastOpen");
        builder.fieldChanged(rule);
        assertEquals(
                List.of(Operator.IN_LAST_DAYS, Operator.NOT_IN_LAST_DAYS, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY),
                rule.getOperators());
        assertEquals(Operator.IN_LAST_DAYS, rule.getOperator(), "a date's first operator");
        assertEquals("number", rule.getValueKind());

        rule.setField("enrichment.city");
        builder.fieldChanged(rule);
        assertEquals(
                List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY),
                rule.getOperators());
        assertEquals("text", rule.getValueKind());
        rule.setValue("");
        builder.refresh();
        assertFalse(builder.getProblems().isEmpty(), "an empty text is refused: " + builder.getProblems());
    }

    @Test
    void aLoadedEnrichmentRuleKeepsItsFieldEvenWhenNoActivityUpstreamDefinesIt() {
        ConditionBuilder builder = roundTrip(new Rule("enrichment.gone", Operator.IS_NOT_EMPTY, List.of()), true);
        assertTrue(builder.getFields().contains("enrichment.gone"));
        assertTrue(builder.isCountDeferred());
        assertTrue(counted.isEmpty(), "not counted outside a run");
        ConditionBuilder elsewhere = builder(false);
        elsewhere.load(new Rule("enrichment.gone", Operator.IS_NOT_EMPTY, List.of()));
        assertEquals(1, counted.size(), "outside a workflow the counter says what is wrong");
        assertFalse(elsewhere.getFields().contains("enrichment.clicks"), "nothing offered outside a workflow");
    }
}

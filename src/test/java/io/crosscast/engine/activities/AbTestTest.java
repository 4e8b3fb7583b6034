package io.crosscast.engine.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityPhase;
import io.crosscast.engine.FakePopulations;
import io.crosscast.engine.Flow;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The plan and the decision of an A/B test: exact exclusive samples, the rest, the winner. */
class AbTestTest {

    private final FakePopulations pops = new FakePopulations();

    private static ActivityDefinition def(String... config) {
        return new ActivityDefinition("ab", Types.AB_TEST, Flow.config(config));
    }

    private static List<String> problems(String... config) {
        return AbTest.validate(def(config)).stream().map(Text::key).toList();
    }

    private PopulationHandle population(long size) {
        return pops.of(LongStream.rangeClosed(1, size).boxed().toArray(Long[]::new));
    }

    @Test
    void samplesAreExactExclusiveAndTheRestIsEveryoneElse() {
        PopulationHandle input = population(1003);
        long size = AbTest.sampleSize(1003, 10);
        assertEquals(100, size); // 10% of 1003, rounded down
        AbTest.Samples drawn = AbTest.draw(pops, input, 3, size, 42);
        Set<Long> all = new HashSet<>();
        for (PopulationHandle sample : drawn.samples()) {
            assertEquals(100, pops.count(sample));
            for (Long id : pops.ids(sample)) {
                assertTrue(all.add(id), "recipient " + id + " in two samples");
            }
        }
        assertEquals(703, pops.count(drawn.rest()));
        for (Long id : pops.ids(drawn.rest())) {
            assertTrue(all.add(id), "recipient " + id + " in a sample and the rest");
        }
        assertEquals(pops.ids(input), all);
    }

    @Test
    void theSameSeedDrawsTheSameSamplesAnotherSeedOthers() {
        PopulationHandle input = population(200);
        AbTest.Samples a = AbTest.draw(pops, input, 2, 20, 7);
        AbTest.Samples b = AbTest.draw(pops, input, 2, 20, 7);
        AbTest.Samples c = AbTest.draw(pops, input, 2, 20, 8);
        for (int i = 0; i < 2; i++) {
            assertEquals(pops.ids(a.samples().get(i)), pops.ids(b.samples().get(i)));
        }
        assertTrue(!pops.ids(a.samples().get(0)).equals(pops.ids(c.samples().get(0))));
    }

    @Test
    void theWinnerHasTheLargestFigureAndATieGoesToTheFirstVariant() {
        assertEquals(1, AbTest.winner(List.of(3L, 5L)));
        assertEquals(0, AbTest.winner(List.of(5L, 5L, 2L)));
        assertEquals(2, AbTest.winner(List.of(0L, 4L, 9L)));
        assertEquals(0, AbTest.winner(List.of(0L, 0L)));
    }

    @Test
    void outputsAreOnePerVariantAndTheRest() {
        assertEquals(List.of("variant1", "variant2", "variant3", "rest"), AbTest.outputs(def("deliveries=4, 5,6")));
        assertEquals(List.of("variant1", "variant2", "rest"), AbTest.outputs(def()));
    }

    @Test
    void settingsAreReadAndCheckedWithDefaults() {
        ActivityDefinition ok = def(
                "deliveries=4,5", "samplePercent=10", "wait=PT4H", "winner=linkClicks", "link=https://x.test/offer");
        assertEquals(List.of(), AbTest.validate(ok));
        AbTest.Settings s = AbTest.settings(ok);
        assertEquals(List.of(4L, 5L), s.deliveries());
        assertEquals(10, s.samplePercent());
        assertEquals(Duration.ofHours(4), s.duration());
        assertEquals(AbTest.Rule.LINK_CLICKS, s.rule());
        assertTrue(s.peopleOnly(), "people only by default");
        assertEquals("abTest.rule.linkclicks.people", AbTest.describe(s).key());
    }

    @Test
    void badSettingsAreProblems() {
        List<String> all = new ArrayList<>(problems());
        assertEquals(List.of("config.required", "config.required", "config.required", "config.required"), all);
        assertEquals(
                List.of("abTest.variants"), problems("deliveries=4", "samplePercent=10", "wait=PT1H", "winner=opens"));
        assertEquals(
                List.of("abTest.sameDelivery"),
                problems("deliveries=4,4", "samplePercent=10", "wait=PT1H", "winner=opens"));
        // two variants of 60% would not be exclusive
        assertEquals(
                List.of("config.outOfRange"),
                problems("deliveries=4,5", "samplePercent=60", "wait=PT1H", "winner=opens"));
        assertEquals(
                List.of("abTest.badWait", "abTest.badWinner"),
                problems("deliveries=4,5", "samplePercent=10", "wait=4 hours", "winner=revenue"));
        assertEquals(
                List.of("config.required"),
                problems("deliveries=4,5", "samplePercent=10", "wait=PT1H", "winner=linkClicks"));
        assertEquals(
                List.of("config.notBoolean"),
                problems("deliveries=4,5", "samplePercent=10", "wait=PT1H", "winner=clicks", "peopleOnly=maybe"));
    }

    private static final Instant DECIDED = Instant.parse("2026-12-03T10:00:00Z");

    private static AbTest.Settings confirming(String... extra) {
        List<String> config = new ArrayList<>(List.of(
                "deliveries=4,5,6", "samplePercent=10", "wait=PT4H", "winner=clicks", "winnerSending=confirmation"));
        config.addAll(List.of(extra));
        ActivityDefinition d = def(config.toArray(String[]::new));
        assertEquals(List.of(), AbTest.validate(d));
        return AbTest.settings(d);
    }

    @Test
    void winnerSendingIsAutomaticByDefaultAndConfirmationOnRequest() {
        AbTest.Settings auto = AbTest.settings(def("deliveries=4,5", "samplePercent=10", "wait=PT4H", "winner=opens"));
        assertEquals(AbTest.WinnerSending.AUTOMATIC, auto.winnerSending());
        assertEquals(Optional.empty(), auto.confirmationTimeout());
        AbTest.Settings confirm = confirming("confirmationTimeout=P1D");
        assertEquals(AbTest.WinnerSending.CONFIRMATION, confirm.winnerSending());
        assertEquals(Optional.of(Duration.ofDays(1)), confirm.confirmationTimeout());
        assertEquals(
                List.of("abTest.badWinnerSending", "abTest.badConfirmationTimeout"),
                problems(
                        "deliveries=4,5",
                        "samplePercent=10",
                        "wait=PT1H",
                        "winner=opens",
                        "winnerSending=whenever",
                        "confirmationTimeout=tomorrow"));
    }

    @Test
    void afterTheDecisionATestOnConfirmationWaitsForTheMarketer() {
        AbTest.Settings settings = confirming();
        Map<String, String> state =
                AbTest.awaitConfirmation(settings, Map.of("rest", "p9"), 2, List.of(3L, 8L, 5L), DECIDED);
        assertEquals("2", state.get(AbTest.PROPOSED));
        assertEquals("3,8,5", state.get(AbTest.FIGURES));
        assertEquals("p9", state.get("rest"), "the rest of the state is kept");
        assertTrue(AbTest.awaitsConfirmation(state));
        // woken (early, or any time later): it waits on, with no timeout for ever
        assertEquals(new AbTest.Wait(AbTest.NEVER), AbTest.afterProposal(state, DECIDED.plusSeconds(30)));
        assertEquals(new AbTest.Wait(AbTest.NEVER), AbTest.afterProposal(state, DECIDED.plus(Duration.ofDays(400))));
        // nothing may be confirmed before the decision
        assertEquals(
                Optional.of(AbTest.Refusal.NOT_DECIDED),
                AbTest.refusal(settings, ActivityPhase.WAITING, Map.of("rest", "p9"), 3, 1));
        assertEquals(Optional.empty(), AbTest.refusal(settings, ActivityPhase.WAITING, state, 3, 2));
    }

    @Test
    void theConfirmedVariantIsSentAndLoggedWithWhoConfirmedIt() {
        Map<String, String> state = new java.util.HashMap<>(
                AbTest.awaitConfirmation(confirming(), Map.of(), 2, List.of(3L, 8L, 5L), DECIDED));
        state.putAll(AbTest.confirmed(2, "marketer", DECIDED.plusSeconds(60)));
        AbTest.Send send = (AbTest.Send) AbTest.afterProposal(state, DECIDED.plusSeconds(61));
        assertEquals(2, send.variant());
        assertEquals("abTest.log.confirmedSending", send.log().key());
        assertEquals("A/B test: variant 2 confirmed by marketer", send.log().english());
        assertTrue(!AbTest.awaitsConfirmation(state));
    }

    @Test
    void theMarketerMayOverrideTheRulesChoice() {
        AbTest.Settings settings = confirming();
        Map<String, String> state =
                new java.util.HashMap<>(AbTest.awaitConfirmation(settings, Map.of(), 2, List.of(3L, 8L, 5L), DECIDED));
        assertEquals(
                Optional.of(AbTest.Refusal.NO_SUCH_VARIANT),
                AbTest.refusal(settings, ActivityPhase.WAITING, state, 3, 4));
        assertEquals(
                Optional.of(AbTest.Refusal.NO_SUCH_VARIANT),
                AbTest.refusal(settings, ActivityPhase.WAITING, state, 3, 0));
        assertEquals(Optional.empty(), AbTest.refusal(settings, ActivityPhase.WAITING, state, 3, 3));
        state.putAll(AbTest.confirmed(3, "marketer", DECIDED.plusSeconds(60)));
        AbTest.Send send = (AbTest.Send) AbTest.afterProposal(state, DECIDED.plusSeconds(61));
        assertEquals(3, send.variant(), "the marketer's variant, not the rule's");
        assertEquals(
                "A/B test: variant 3 chosen by marketer, overriding the rule's variant 2",
                send.log().english());
        // a second confirmation is refused, while the activity waits and once it is done
        assertEquals(
                Optional.of(AbTest.Refusal.ALREADY_CONFIRMED),
                AbTest.refusal(settings, ActivityPhase.WAITING, state, 3, 1));
        assertEquals(
                Optional.of(AbTest.Refusal.ALREADY_CONFIRMED),
                AbTest.refusal(settings, ActivityPhase.DONE, Map.of(), 3, 1));
    }

    @Test
    void withATimeoutTheProposedWinnerIsSentWhenNobodyConfirms() {
        AbTest.Settings settings = confirming("confirmationTimeout=PT2H");
        Map<String, String> state = AbTest.awaitConfirmation(settings, Map.of(), 1, List.of(9L, 8L, 5L), DECIDED);
        Instant deadline = DECIDED.plus(Duration.ofHours(2));
        assertEquals(new AbTest.Wait(deadline), AbTest.afterProposal(state, DECIDED.plusSeconds(5)));
        AbTest.Send send = (AbTest.Send) AbTest.afterProposal(state, deadline);
        assertEquals(1, send.variant());
        assertEquals("abTest.log.confirmationTimeout", send.log().key());
    }

    @Test
    void anAutomaticTestHasNothingToConfirm() {
        AbTest.Settings auto = AbTest.settings(def("deliveries=4,5", "samplePercent=10", "wait=PT4H", "winner=opens"));
        assertEquals(
                Optional.of(AbTest.Refusal.AUTOMATIC),
                AbTest.refusal(auto, ActivityPhase.WAITING, Map.of(AbTest.PROPOSED, "1"), 2, 1));
    }
}

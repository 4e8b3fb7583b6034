package io.crosscast.workflow.activities;

import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.DataKeys;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Populations;
import io.crosscast.engine.Text;
import io.crosscast.engine.activities.AbTest;
import io.crosscast.engine.activities.Types;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.tracking.TrackingClassifier;
import io.crosscast.workflow.internal.SqlPopulations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A/B test of a delivery with a winner (settings and semantics: {@link AbTest}). Durable, holding no thread: each
 * step ends in a {@link NextAction.WaitUntil} whose state says where the test stands.
 * <ol>
 *   <li>First execution: draws the samples and the rest (populations of the run, so a retry reads them back),
 *       sends each variant's delivery to its sample (a delivery already sent is copied), waits until the end of
 *       the test ({@code wait} after now).</li>
 *   <li>At the end of the test, once the variants' sendings are over: classifies the tracking logs, counts each
 *       variant's recipients by the rule (one SQL count per variant), chooses the winner, writes the rule and the
 *       figures into the run log, sends the winner's delivery to the rest.</li>
 *   <li>When that sending is over: outputs "variantN" (the samples) and "rest", with the winner's sending as the
 *       incoming delivery of what follows.</li>
 * </ol>
 * An early wake-up (the end of a variant's sending wakes the run) only waits again.
 */
@ApplicationScoped
public class AbTestActivity implements ActivityType {

    static final Duration CHECK = Duration.ofSeconds(30);
    static final String SAMPLES = "samples";
    static final String REST = "rest";
    static final String SENT = AbTest.SENT;
    static final String TEST_END = "testEnd";
    static final String WINNER = AbTest.PROPOSED;
    static final String WINNER_SENDING = AbTest.REST_SENDING;

    /** Recipients who opened or clicked / clicked / clicked one URL, of one delivery; then the actor filter. */
    private static final String OPENERS = "SELECT COUNT(DISTINCT recipient_id) FROM tracking_log"
            + " WHERE delivery_id = ? AND type IN ('OPEN', 'CLICK')";

    private static final String CLICKERS =
            "SELECT COUNT(DISTINCT recipient_id) FROM tracking_log WHERE delivery_id = ? AND type = 'CLICK'";
    private static final String PEOPLE = " AND actor = 'PERSON'";

    @EJB
    private DeliveryService deliveries;

    @EJB
    private TrackingClassifier classifier;

    @PersistenceContext
    private EntityManager em;

    @Override
    public String type() {
        return Types.AB_TEST;
    }

    @Override
    public List<String> outputs(ActivityDefinition def) {
        return AbTest.outputs(def);
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>(AbTest.validate(def));
        for (long id : AbTest.deliveries(def)) {
            if (deliveries.find(id).isEmpty()) {
                problems.add(Text.of("delivery.notFound", id));
            }
        }
        return problems;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        AbTest.Settings settings = AbTest.settings(ctx.activity());
        if (ctx.simulated()) {
            return simulate(ctx, settings);
        }
        Map<String, String> state = ctx.state();
        if (!state.containsKey(SENT)) {
            return start(ctx, settings);
        }
        if (state.containsKey(WINNER_SENDING)) {
            return finish(ctx, state);
        }
        if (state.containsKey(AbTest.AWAITING)) {
            // decided, waiting for a marketer's confirmation (or its timeout)
            AbTest.Step step = AbTest.afterProposal(state, ctx.now());
            if (step instanceof AbTest.Send send) {
                ctx.log(send.log());
                return sendRest(ctx, settings, new HashMap<>(state), send.variant() - 1);
            }
            return NextAction.waitUntil(((AbTest.Wait) step).until(), state);
        }
        Instant end = Instant.parse(state.get(TEST_END));
        if (ctx.now().isBefore(end)) {
            return NextAction.waitUntil(end, state); // woken early, by the end of a variant's sending
        }
        List<Long> sent = ids(state.get(SENT));
        for (long id : sent) {
            DeliveryStatus status = deliveries.get(id).getStatus();
            if (status == DeliveryStatus.SENDING || status == DeliveryStatus.PAUSED) {
                return NextAction.waitUntil(ctx.now().plus(CHECK), state);
            }
        }
        return decide(ctx, settings, sent);
    }

    /**
     * In a simulation ("dry run"): the samples are drawn as in a real run and go out on their outputs at once;
     * nothing is sent, no winner is chosen (the variants' behaviour is not simulated yet), the log says so.
     */
    private NextAction simulate(ActivityContext ctx, AbTest.Settings settings) {
        AbTest.Samples drawn = draw(ctx, settings);
        ctx.log(Text.of("abTest.log.simulated", settings.deliveries().size()));
        Map<String, PopulationHandle> outputs = new LinkedHashMap<>();
        for (int i = 0; i < drawn.samples().size(); i++) {
            outputs.put(AbTest.variantOutput(i + 1), drawn.samples().get(i));
        }
        outputs.put(AbTest.REST, drawn.rest());
        return NextAction.done(outputs, Map.of());
    }

    /** The exact, exclusive, seeded samples and the rest, logged. */
    private static AbTest.Samples draw(ActivityContext ctx, AbTest.Settings settings) {
        Populations pops = ctx.populations();
        PopulationHandle input = ctx.input();
        long total = pops.count(input);
        long size = AbTest.sampleSize(total, settings.samplePercent());
        long seed = ctx.config("seed").map(String::strip).map(Long::parseLong).orElse((long)
                (ctx.runId() + "/" + ctx.activity().id()).hashCode());
        AbTest.Samples drawn = AbTest.draw(pops, input, settings.deliveries().size(), size, seed);
        ctx.log(Text.of(
                "abTest.log.samples",
                settings.deliveries().size(),
                size,
                total,
                pops.count(drawn.rest()),
                Long.toString(seed)));
        return drawn;
    }

    private NextAction start(ActivityContext ctx, AbTest.Settings settings) {
        AbTest.Samples drawn = draw(ctx, settings);
        long size = drawn.samples().isEmpty()
                ? 0
                : ctx.populations().count(drawn.samples().get(0));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < settings.deliveries().size(); i++) {
            Delivery delivery = deliveries.sendToPopulation(
                    settings.deliveries().get(i),
                    SqlPopulations.members(drawn.samples().get(i)),
                    Long.parseLong(ctx.runId()),
                    ctx.activity().id());
            ctx.log(Text.of("abTest.log.variant", i + 1, delivery.getId(), delivery.getLabel(), size));
            sent.add(delivery.getId().toString());
        }
        Instant end = ctx.now().plus(settings.duration());
        ctx.log(Text.of("abTest.log.waiting", end));
        Map<String, String> state = new LinkedHashMap<>();
        state.put(
                SAMPLES,
                String.join(
                        ",", drawn.samples().stream().map(PopulationHandle::id).toList()));
        state.put(REST, drawn.rest().id());
        state.put(SENT, String.join(",", sent));
        state.put(TEST_END, end.toString());
        return NextAction.waitUntil(end, state);
    }

    private NextAction decide(ActivityContext ctx, AbTest.Settings settings, List<Long> sent) {
        classifier.classify();
        List<Long> figures = new ArrayList<>();
        for (long id : sent) {
            figures.add(figure(settings, id));
        }
        int winner = AbTest.winner(figures);
        List<Text> lines = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            lines.add(Text.of("abTest.log.figure", i + 1, sent.get(i), figures.get(i)));
        }
        ctx.log(Text.of(
                "abTest.log.winner", winner + 1, sent.get(winner), AbTest.describe(settings), Text.join(lines)));
        Map<String, String> state = new HashMap<>(ctx.state());
        state.put(WINNER, Integer.toString(winner + 1));
        PopulationHandle rest = new PopulationHandle(state.get(REST));
        if (ctx.populations().count(rest) == 0) {
            ctx.log(Text.of("abTest.log.noRest"));
            state.put(WINNER_SENDING, "");
            return finish(ctx, state);
        }
        if (settings.winnerSending() == AbTest.WinnerSending.CONFIRMATION) {
            Map<String, String> waiting = AbTest.awaitConfirmation(settings, state, winner + 1, figures, ctx.now());
            String deadline = waiting.get(AbTest.CONFIRMATION_DEADLINE);
            ctx.log(
                    deadline == null
                            ? Text.of("abTest.log.awaitingConfirmation", winner + 1)
                            : Text.of("abTest.log.awaitingConfirmationUntil", winner + 1, Instant.parse(deadline)));
            return NextAction.waitUntil(deadline == null ? AbTest.NEVER : Instant.parse(deadline), waiting);
        }
        return sendRest(ctx, settings, state, winner);
    }

    /** Sends variant {@code winner} (0-based) to the rest, then waits for the end of that sending. */
    private NextAction sendRest(ActivityContext ctx, AbTest.Settings settings, Map<String, String> state, int winner) {
        PopulationHandle rest = new PopulationHandle(state.get(REST));
        Delivery delivery = deliveries.sendToPopulation(
                settings.deliveries().get(winner),
                SqlPopulations.members(rest),
                Long.parseLong(ctx.runId()),
                ctx.activity().id());
        ctx.log(Text.of(
                "abTest.log.rest",
                delivery.getId(),
                delivery.getLabel(),
                ctx.populations().count(rest)));
        state.put(WINNER_SENDING, delivery.getId().toString());
        return NextAction.waitUntil(ctx.now().plus(CHECK), state);
    }

    private NextAction finish(ActivityContext ctx, Map<String, String> state) {
        String sending = state.get(WINNER_SENDING);
        if (!sending.isEmpty()) {
            DeliveryStatus status = deliveries.get(Long.parseLong(sending)).getStatus();
            if (status == DeliveryStatus.SENDING || status == DeliveryStatus.PAUSED) {
                return NextAction.waitUntil(ctx.now().plus(CHECK), state);
            }
        }
        Map<String, PopulationHandle> outputs = new LinkedHashMap<>();
        String[] samples = state.get(SAMPLES).split(",");
        for (int i = 0; i < samples.length; i++) {
            outputs.put(AbTest.variantOutput(i + 1), new PopulationHandle(samples[i]));
        }
        outputs.put(AbTest.REST, new PopulationHandle(state.get(REST)));
        return NextAction.done(outputs, sending.isEmpty() ? Map.of() : Map.of(DataKeys.DELIVERY_ID, sending));
    }

    /** How many recipients of delivery {@code id} the rule counts: one COUNT over its tracking logs. */
    private long figure(AbTest.Settings settings, long id) {
        String people = settings.peopleOnly() ? PEOPLE : "";
        return switch (settings.rule()) {
            case OPENS -> NativeSql.count(em, OPENERS + people, List.of(id));
            case CLICKS -> NativeSql.count(em, CLICKERS + people, List.of(id));
            case LINK_CLICKS -> NativeSql.count(em, CLICKERS + " AND url = ?" + people, List.of(id, settings.link()));
        };
    }

    private static List<Long> ids(String csv) {
        return Arrays.stream(csv.split(",")).map(Long::parseLong).toList();
    }
}

package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.DataKeys;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * External signal: holds its population until another system signals the run by "name" (the container's REST API
 * hands the signal to the waiting activity: {@link io.crosscast.engine.WorkflowRunner#deliver}, values made by
 * {@link #received}), then emits it on "signal" with the signal's parameters attached as data
 * ({@value DataKeys#SIGNAL_PREFIX}name), for the activities downstream and the run's report. Optional timeout
 * ("timeoutDays", "timeoutHours", "timeoutMinutes", "timeoutSeconds", summed): when it passes first, the population
 * goes on "timeout". No timeout: it waits until the signal comes or the run is stopped. The wait is durable: the
 * activity is WAITING in the run's state (a wait point: it may sit on a cycle), no thread waits.
 */
public final class ExternalSignalActivity implements ActivityType {

    public static final String SIGNAL = "signal";
    public static final String TIMEOUT = "timeout";
    /** State: when the wait started. */
    static final String WAITING_SINCE = "waitingSince";
    /** State: the timeout's instant, absent without a timeout. */
    static final String DEADLINE = "deadline";
    /** State: when the signal came (set by the container through {@link #received}). */
    public static final String RECEIVED_AT = "signal.receivedAt";
    /** State: the prefix of the signal's parameters. */
    static final String PARAMETER = "signal.parameter.";
    /** The wake-up of a wait without a timeout: never, in practice. */
    public static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    private static final List<String> TIMEOUT_KEYS =
            List.of("timeoutDays", "timeoutHours", "timeoutMinutes", "timeoutSeconds");

    @Override
    public String type() {
        return Types.EXTERNAL_SIGNAL;
    }

    @Override
    public List<String> outputs(ActivityDefinition def) {
        return List.of(SIGNAL, TIMEOUT);
    }

    @Override
    public boolean isWaitPoint() {
        return true;
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        Config.required(def, "name", problems);
        def.config("name").ifPresent(name -> JumpToActivity.checkName("name", name, problems));
        for (String key : TIMEOUT_KEYS) {
            Config.number(def, key, 0, 100_000, problems);
        }
        return problems;
    }

    /** The signal's name (the last segment of its URL). */
    public static Optional<String> name(ActivityDefinition def) {
        return def.config("name");
    }

    /** The timeout after the start of the wait, if there is one. */
    public static Optional<Duration> timeout(ActivityDefinition def) {
        Duration total = Duration.ZERO;
        boolean given = false;
        for (String key : TIMEOUT_KEYS) {
            Optional<Long> value = def.config(key).map(Long::parseLong);
            if (value.isPresent()) {
                given = true;
                total = total.plus(
                        switch (key) {
                            case "timeoutDays" -> Duration.ofDays(value.get());
                            case "timeoutHours" -> Duration.ofHours(value.get());
                            case "timeoutMinutes" -> Duration.ofMinutes(value.get());
                            default -> Duration.ofSeconds(value.get());
                        });
            }
        }
        return given ? Optional.of(total) : Optional.empty();
    }

    /** The values to deliver to a waiting activity when its signal comes at {@code at} with these parameters. */
    public static Map<String, String> received(Map<String, String> parameters, Instant at) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(RECEIVED_AT, at.toString());
        parameters.forEach((name, value) -> values.put(PARAMETER + name, value));
        return values;
    }

    /** Whether the state of an activity holds a signal not yet acted on (a repeated signal then counts once). */
    public static boolean hasReceived(Map<String, String> state) {
        return state.containsKey(RECEIVED_AT);
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        Map<String, String> state = ctx.state();
        String name = name(ctx.activity()).orElse("");
        if (hasReceived(state)) {
            Map<String, String> data = new TreeMap<>();
            state.forEach((key, value) -> {
                if (key.startsWith(PARAMETER)) {
                    data.put(DataKeys.SIGNAL_PREFIX + key.substring(PARAMETER.length()), value);
                }
            });
            ctx.log(Text.of("signal.log.received", name, data.size()));
            return NextAction.done(Map.of(SIGNAL, ctx.input()), data);
        }
        if (!state.containsKey(WAITING_SINCE)) {
            Map<String, String> waiting = new LinkedHashMap<>();
            waiting.put(WAITING_SINCE, ctx.now().toString());
            Optional<Duration> timeout = timeout(ctx.activity());
            Instant wakeUp = timeout.map(ctx.now()::plus).orElse(NEVER);
            if (timeout.isPresent()) {
                waiting.put(DEADLINE, wakeUp.toString());
                ctx.log(Text.of("signal.log.waitingUntil", name, wakeUp));
            } else {
                ctx.log(Text.of("signal.log.waiting", name));
            }
            return NextAction.waitUntil(wakeUp, waiting);
        }
        String deadline = state.get(DEADLINE);
        if (deadline != null && !ctx.now().isBefore(Instant.parse(deadline))) {
            ctx.log(Text.of("signal.log.timeout", name));
            return NextAction.done(Map.of(TIMEOUT, ctx.input()));
        }
        return NextAction.waitUntil(deadline == null ? NEVER : Instant.parse(deadline), state);
    }
}

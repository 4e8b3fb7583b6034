package io.crosscast.workflow.activities;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.DataKeys;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.Text;
import io.crosscast.workflow.internal.Simulator;
import io.crosscast.workflow.internal.SqlPopulations;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A delivery activity (Email delivery, Mobile delivery): sends delivery {@code delivery} (its id) to the incoming population, then waits, holding
 * no thread, until the sending is over (the end of the delivery wakes the run; a check every
 * {@link #CHECK} is the safety net). A delivery already sent is copied first, so each pass has its own
 * ledger. With {@code outbound=true} the population goes on through output "out", carrying the delivery's
 * id ({@link DataKeys#DELIVERY_ID}): a Split after it can filter on who opened or clicked it.
 */
public abstract class DeliveryActivity extends OutboundActivity {

    static final Duration CHECK = Duration.ofSeconds(30);
    private static final String SENDING = "sending";

    @EJB
    private DeliveryService deliveries;

    @EJB
    private Simulator simulator;

    /** The channel of the deliveries this activity sends. */
    protected abstract Channel channel();

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        Optional<Long> id = deliveryId(def);
        if (id.isEmpty()) {
            problems.add(Text.of("delivery.required"));
        } else {
            Optional<Delivery> delivery = deliveries.find(id.get());
            if (delivery.isEmpty()) {
                problems.add(Text.of("delivery.notFound", id.get()));
            } else if (delivery.get().getChannel() != channel()) {
                problems.add(Text.of("delivery.wrongChannel." + channel().name(), id.get()));
            }
        }
        checkOutbound(def, problems);
        return problems;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        if (ctx.simulated()) {
            return simulate(ctx);
        }
        String sending = ctx.state().get(SENDING);
        if (sending == null) {
            Delivery delivery = deliveries.sendToPopulation(
                    deliveryId(ctx.activity()).orElseThrow(),
                    SqlPopulations.members(ctx.input()),
                    Long.parseLong(ctx.runId()),
                    ctx.activity().id());
            DeliveryStats stats = deliveries.stats(delivery.getId());
            ctx.log(Text.of(
                    "delivery.log.targeted",
                    delivery.getId(),
                    delivery.getLabel(),
                    stats.targeted(),
                    stats.pending(),
                    stats.excluded()));
            return NextAction.waitUntil(
                    ctx.now().plus(CHECK), Map.of(SENDING, delivery.getId().toString()));
        }
        long id = Long.parseLong(sending);
        Delivery delivery = deliveries.get(id);
        if (delivery.getStatus() == DeliveryStatus.SENDING || delivery.getStatus() == DeliveryStatus.PAUSED) {
            return NextAction.waitUntil(ctx.now().plus(CHECK), Map.of(SENDING, sending));
        }
        DeliveryStats stats = deliveries.stats(id);
        ctx.log(Text.of(
                "delivery.log.over", id, status(delivery.getStatus()), stats.sent(), stats.failed(), stats.excluded()));
        if (!isOutbound(ctx.activity())) {
            return NextAction.done();
        }
        return NextAction.done(Map.of("out", ctx.input()), Map.of(DataKeys.DELIVERY_ID, sending)); // shared, not copied
    }

    /**
     * In a simulation: nothing is sent and no ledger written; the delivery records to whom it would send and
     * what they do ({@link Simulator}), then goes on at once, its population unchanged (as a real sending does).
     */
    private NextAction simulate(ActivityContext ctx) {
        Delivery delivery = deliveries.get(deliveryId(ctx.activity()).orElseThrow());
        Simulator.Sending sending = simulator.deliver(ctx, delivery);
        ctx.log(Text.of(
                "delivery.log.simulated",
                delivery.getId(),
                delivery.getLabel(),
                sending.wouldSend(),
                sending.excluded(),
                sending.opens(),
                sending.clicks()));
        if (!isOutbound(ctx.activity())) {
            return NextAction.done();
        }
        return NextAction.done(
                Map.of("out", ctx.input()),
                Map.of(DataKeys.DELIVERY_ID, delivery.getId().toString()));
    }

    /** A delivery's status as the run log says it ("sent", "cancelled"...). */
    static Text status(DeliveryStatus status) {
        return Text.of("delivery.status." + status.name());
    }

    private static Optional<Long> deliveryId(ActivityDefinition def) {
        try {
            return def.config("delivery").map(String::strip).map(Long::valueOf).filter(id -> id > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

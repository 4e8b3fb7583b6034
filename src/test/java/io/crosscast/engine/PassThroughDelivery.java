package io.crosscast.engine;

import java.util.List;
import java.util.Map;

/**
 * Stand-in for a container delivery: passes its input to "out", declares an extra output "errors" it never fires, and
 * attaches a deliveryId to the outbound population.
 */
final class PassThroughDelivery implements ActivityType {

    static final String TYPE = "testDelivery";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outputs(ActivityDefinition def) {
        return List.of("out", "errors");
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        ctx.log(Text.verbatim("sent to " + ctx.populations().count(ctx.input())));
        return NextAction.done(
                Map.of("out", ctx.input()),
                Map.of(DataKeys.DELIVERY_ID, "D-" + ctx.activity().id()));
    }
}

package io.crosscast.workflow.activities;

import io.crosscast.delivery.Channel;
import io.crosscast.engine.activities.Types;
import jakarta.enterprise.context.ApplicationScoped;

/** Email delivery: sends an email delivery to its population (see {@link DeliveryActivity}). */
@ApplicationScoped
public class EmailDeliveryActivity extends DeliveryActivity {

    @Override
    public String type() {
        return Types.EMAIL_DELIVERY;
    }

    @Override
    protected Channel channel() {
        return Channel.EMAIL;
    }
}

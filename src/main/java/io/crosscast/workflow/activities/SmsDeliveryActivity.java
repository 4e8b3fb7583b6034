package io.crosscast.workflow.activities;

import io.crosscast.delivery.Channel;
import io.crosscast.engine.activities.Types;
import jakarta.enterprise.context.ApplicationScoped;

/** Mobile (SMS) delivery: sends an SMS delivery to its population (see {@link DeliveryActivity}). */
@ApplicationScoped
public class SmsDeliveryActivity extends DeliveryActivity {

    @Override
    public String type() {
        return Types.SMS_DELIVERY;
    }

    @Override
    protected Channel channel() {
        return Channel.SMS;
    }
}

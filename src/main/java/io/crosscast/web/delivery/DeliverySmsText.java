package io.crosscast.web.delivery;

import io.crosscast.delivery.sms.SmsLength;
import io.crosscast.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The counter under a text message's text on deliveries/edit.xhtml: the text of {@link DeliveryEditPage}'s
 * draft counted as the marketer types by {@link SmsCounter}, the same count the sending uses. It keeps
 * nothing, so it lives for a request.
 */
@Named
@RequestScoped
public class DeliverySmsText {

    @Inject
    private DeliveryEditPage page;

    /** The text as typed, measured as the sending measures it (personalisation fields as written). */
    public SmsLength getLength() {
        return SmsCounter.measure(page.getForm().getTextBody());
    }

    /** "GSM-7 · 87 characters · 1 part", in the viewer's language. */
    public String getCounter() {
        return SmsCounter.describe(getLength(), Messages.bundle());
    }

    /** What still fits before one more part. */
    public String getLeft() {
        return SmsCounter.left(getLength(), Messages.bundle());
    }
}

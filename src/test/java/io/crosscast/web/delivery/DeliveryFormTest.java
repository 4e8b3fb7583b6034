package io.crosscast.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryContent;
import org.junit.jupiter.api.Test;

class DeliveryFormTest {

    private static DeliveryForm filled() {
        DeliveryForm form = new DeliveryForm();
        form.setLabel("Codes");
        form.setSenderName("Crosscast");
        form.setSenderAddress("shop@example.com");
        form.setReplyTo("help@example.com");
        form.setSubject("Hello");
        form.setHtmlBody("<p>Hello</p>");
        form.setTextBody("Hello {{firstName}}");
        return form;
    }

    @Test
    void aTextMessageKeepsItsLabelSenderIdAndTextOnly() {
        assertEquals(
                new DeliveryContent("Codes", "Crosscast", null, null, null, null, "Hello {{firstName}}"),
                filled().toContent(Channel.SMS));
    }

    @Test
    void anEmailKeepsEverything() {
        assertEquals(
                new DeliveryContent(
                        "Codes",
                        "Crosscast",
                        "shop@example.com",
                        "help@example.com",
                        "Hello",
                        "<p>Hello</p>",
                        "Hello {{firstName}}"),
                filled().toContent(Channel.EMAIL));
    }
}

package io.crosscast.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DeliveryPagesTest {

    @Test
    void onlyPositiveNumbersAreDeliveryIds() {
        assertEquals(42L, DeliveryPages.parseId("42"));
        assertEquals(42L, DeliveryPages.parseId(" 42 "));
        assertNull(DeliveryPages.parseId(null));
        assertNull(DeliveryPages.parseId("abc"));
        assertNull(DeliveryPages.parseId("0"));
        assertNull(DeliveryPages.parseId("-3"));
        assertNull(DeliveryPages.parseId("99999999999999999999"));
    }
}

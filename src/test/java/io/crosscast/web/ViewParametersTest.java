package io.crosscast.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ViewParametersTest {

    @Test
    void onlyPositiveNumbersAreIds() {
        assertEquals(42L, ViewParameters.id("42"));
        assertEquals(42L, ViewParameters.id(" 42 "));
        assertNull(ViewParameters.id(null));
        assertNull(ViewParameters.id("abc"));
        assertNull(ViewParameters.id("0"));
        assertNull(ViewParameters.id("-3"));
        assertNull(ViewParameters.id("99999999999999999999"));
    }
}

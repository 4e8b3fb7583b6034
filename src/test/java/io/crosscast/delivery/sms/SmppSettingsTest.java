package io.crosscast.delivery.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmppSettingsTest {

    @Test
    void defaultsPointAtTheSandboxOfTheDevelopmentServer() {
        SmppSettings settings = SmppSettings.from(name -> null);
        assertEquals(new SmppSettings("localhost", 2775, "crosscast", "", "", 100, 10), settings);
    }

    @Test
    void systemPropertiesOverrideThem() {
        Map<String, String> properties = Map.of(
                SmppSettings.HOST,
                " smsc.example.net ",
                SmppSettings.PORT,
                "2875",
                SmppSettings.SYSTEM_ID,
                "acme",
                SmppSettings.PASSWORD,
                "s3cret",
                SmppSettings.SYSTEM_TYPE,
                "VMA",
                SmppSettings.THROUGHPUT,
                "30",
                SmppSettings.WINDOW,
                "5");
        SmppSettings settings = SmppSettings.from(properties::get);
        assertEquals(new SmppSettings("smsc.example.net", 2875, "acme", "s3cret", "VMA", 30, 5), settings);
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
        assertTrue(settings.toString().contains("acme@smsc.example.net:2875"), settings.toString());
    }

    @Test
    void badNumbersGetDefaults() {
        Map<String, String> properties = Map.of(
                SmppSettings.PORT,
                "99999",
                SmppSettings.THROUGHPUT,
                "fast",
                SmppSettings.WINDOW,
                "0",
                SmppSettings.HOST,
                " ");
        SmppSettings settings = SmppSettings.from(properties::get);
        assertEquals(2775, settings.port());
        assertEquals(100, settings.throughput());
        assertEquals(10, settings.window());
        assertEquals("localhost", settings.host());
    }
}

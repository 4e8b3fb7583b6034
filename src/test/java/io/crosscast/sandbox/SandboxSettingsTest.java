package io.crosscast.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

    private static SandboxSettings of(Map<String, String> properties) {
        return SandboxSettings.from(properties::get);
    }

    @Test
    void offByDefaultOnTheLoopbackPort2525Keeping20000() {
        assertEquals(new SandboxSettings(false, "127.0.0.1", 2525, 20_000), of(Map.of()));
    }

    @Test
    void onlyTrueTurnsItOn() {
        assertEquals(true, of(Map.of("crosscast.sandbox", "true")).enabled());
        assertEquals(true, of(Map.of("crosscast.sandbox", " TRUE ")).enabled());
        assertEquals(false, of(Map.of("crosscast.sandbox", "yes")).enabled());
        assertEquals(false, of(Map.of("crosscast.sandbox", "false")).enabled());
    }

    @Test
    void portAndKeepAreRead() {
        SandboxSettings settings = of(Map.of(
                "crosscast.sandbox", "true", "crosscast.sandbox.smtp.port", "2625", "crosscast.sandbox.keep", "500"));
        assertEquals(new SandboxSettings(true, "127.0.0.1", 2625, 500), settings);
    }

    @Test
    void badNumbersFallBackToTheDefaults() {
        SandboxSettings settings = of(Map.of("crosscast.sandbox.smtp.port", "70000", "crosscast.sandbox.keep", "lots"));
        assertEquals(2525, settings.port());
        assertEquals(20_000, settings.keep());
        assertEquals(20_000, of(Map.of("crosscast.sandbox.keep", "0")).keep());
    }
}

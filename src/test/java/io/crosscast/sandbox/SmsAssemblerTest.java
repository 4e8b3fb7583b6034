package io.crosscast.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsAssemblerTest {

    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    private static SmsAssembler.Key key(int reference, int total) {
        return new SmsAssembler.Key("crosscast", "Crosscast", "33612345678", reference, total);
    }

    @Test
    void partsInAnyOrderComeBackInOrderOnceAllArrived() {
        SmsAssembler<String> assembler = new SmsAssembler<>();
        assertEquals(Optional.empty(), assembler.add(key(7, 3), 3, "c", T0));
        assertEquals(Optional.empty(), assembler.add(key(7, 3), 1, "a", T0));
        assertEquals(Optional.empty(), assembler.add(key(8, 3), 1, "other message", T0));
        assertEquals(2, assembler.waiting());
        assertEquals(Optional.of(List.of("a", "b", "c")), assembler.add(key(7, 3), 2, "b", T0));
        assertEquals(1, assembler.waiting());
    }

    @Test
    void aRepeatedPartReplacesTheFirstCopy() {
        SmsAssembler<String> assembler = new SmsAssembler<>();
        assembler.add(key(1, 2), 1, "first", T0);
        assertEquals(Optional.empty(), assembler.add(key(1, 2), 1, "again", T0));
        assertEquals(Optional.of(List.of("again", "end")), assembler.add(key(1, 2), 2, "end", T0));
    }

    @Test
    void staleGroupsExpireWithTheirMissingParts() {
        SmsAssembler<String> assembler = new SmsAssembler<>();
        assembler.add(key(1, 3), 2, "middle", T0);
        assembler.add(key(2, 2), 1, "recent", T0.plusSeconds(200));
        List<List<String>> expired = assembler.expire(T0.plusSeconds(301), Duration.ofMinutes(5));
        assertEquals(List.of(Arrays.asList(null, "middle", null)), expired);
        assertEquals(1, assembler.waiting());
        assertTrue(assembler.expire(T0.plusSeconds(301), Duration.ofMinutes(5)).isEmpty());
    }

    @Test
    void partNumbersOutsideTheTotalAreRefused() {
        SmsAssembler<String> assembler = new SmsAssembler<>();
        assertThrows(IllegalArgumentException.class, () -> assembler.add(key(1, 2), 3, "x", T0));
        assertThrows(IllegalArgumentException.class, () -> assembler.add(key(1, 2), 0, "x", T0));
    }
}

package io.crosscast.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerReasonTest {

    @Test
    void storedReasonsAreReadBackWithTheirArguments() {
        assertEquals(
                "Gave up after 5 attempts: 451 4.3.0 Try again later",
                LedgerReason.GAVE_UP.format(5, "451 4.3.0 Try again later"));
        assertEquals(
                Optional.of(new LedgerReason.Read(LedgerReason.GAVE_UP, List.of("5", "451 4.3.0 Try again later"))),
                LedgerReason.read("Gave up after 5 attempts: 451 4.3.0 Try again later"));
        assertEquals(
                Optional.of(new LedgerReason.Read(LedgerReason.RECIPIENT_DELETED, List.of())),
                LedgerReason.read(LedgerReason.RECIPIENT_DELETED.format()));
        assertEquals(
                Optional.of(new LedgerReason.Read(LedgerReason.NOT_BUILT, List.of("Illegal address (a.b)\nline 2"))),
                LedgerReason.read(LedgerReason.NOT_BUILT.format("Illegal address (a.b)\nline 2")));
    }

    @Test
    void otherTextsAreNotReasonsOfTheSending() {
        assertEquals(Optional.empty(), LedgerReason.read("550 5.1.1 User unknown"));
        assertEquals(Optional.empty(), LedgerReason.read("OPTED_OUT"));
        assertEquals(Optional.empty(), LedgerReason.read("The recipient was deleted. Really"));
        assertEquals(Optional.empty(), LedgerReason.read(null));
    }
}

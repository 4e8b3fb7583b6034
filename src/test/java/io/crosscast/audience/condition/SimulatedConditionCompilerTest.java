package io.crosscast.audience.condition;

import static io.crosscast.audience.condition.CompilerFixture.COMPILER;
import static io.crosscast.audience.condition.CompilerFixture.placeholders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Conditions compiled for a simulated run ("dry run"): the same tests on {@code simulated_hit} for the deliveries it
 * simulates, the real tables for the others, both for a tracking-log condition on any delivery.
 */
class SimulatedConditionCompilerTest {

    private static final CompileContext SIMULATION =
            CompileContext.withIncomingDelivery(5).simulating(42, Set.of(5L));

    private static SqlFragment compile(Condition condition, CompileContext context) {
        SqlFragment fragment = COMPILER.compile(condition, "r", context);
        assertEquals(placeholders(fragment.sql()), fragment.parameters().size(), fragment.sql());
        return fragment;
    }

    @Test
    void aSimulatedDeliveryIsReadFromTheRunsSimulatedHits() {
        SqlFragment opened = compile(Rule.of(RecipientField.DELIVERY, Operator.NEITHER_OPENED_NOR_CLICKED), SIMULATION);
        assertEquals(
                "(EXISTS (SELECT 1 FROM simulated_hit dm WHERE dm.run_id = 42 AND dm.delivery_id = ?"
                        + " AND dm.recipient_id = r.id AND dm.type = 'SENT')"
                        + " AND NOT EXISTS (SELECT 1 FROM simulated_hit tl WHERE tl.run_id = 42 AND tl.delivery_id = ?"
                        + " AND tl.recipient_id = r.id AND tl.type = 'OPEN')"
                        + " AND NOT EXISTS (SELECT 1 FROM simulated_hit tl WHERE tl.run_id = 42 AND tl.delivery_id = ?"
                        + " AND tl.recipient_id = r.id AND tl.type = 'CLICK'))",
                opened.sql());
        assertEquals(List.of(5L, 5L, 5L), opened.parameters());

        SqlFragment clicked = compile(
                new TrackingLogRule(Map.of("type", "click", "label", "offer", "delivery", "incoming")), SIMULATION);
        assertTrue(clicked.sql().startsWith("EXISTS (SELECT 1 FROM simulated_hit tl WHERE tl.run_id = 42 AND"));
        assertFalse(clicked.sql().contains("tracking_log"), clicked.sql());
    }

    @Test
    void aDeliveryTheRunDoesNotSimulateIsReadFromTheRealTables() {
        SqlFragment sent = compile(Rule.of(RecipientField.DELIVERY, Operator.SENT, "9"), SIMULATION);
        assertTrue(sent.sql().contains("FROM delivery_message dm"), sent.sql());
        assertFalse(sent.sql().contains("simulated_hit"), sent.sql());
        SqlFragment real =
                compile(Rule.of(RecipientField.DELIVERY, Operator.CLICKED), CompileContext.withIncomingDelivery(5));
        assertFalse(real.sql().contains("simulated_hit"), "a real run reads the real logs: " + real.sql());
    }

    @Test
    void aTrackingLogConditionOnAnyDeliveryReadsBothInASimulation() {
        SqlFragment any = compile(new TrackingLogRule(Map.of("type", "click")), SIMULATION);
        assertEquals(
                "(EXISTS (SELECT 1 FROM tracking_log tl WHERE tl.recipient_id = r.id AND tl.type = ?)"
                        + " OR EXISTS (SELECT 1 FROM simulated_hit tl WHERE tl.run_id = 42 AND tl.recipient_id = r.id"
                        + " AND tl.type = ?))",
                any.sql());
        SqlFragment none = compile(new TrackingLogRule(Map.of("none", "true")), SIMULATION);
        assertTrue(
                none.sql()
                        .contains(" AND NOT EXISTS (SELECT 1 FROM simulated_hit tl WHERE tl.run_id = 42 AND"
                                + " tl.type <> 'SENT' AND"),
                none.sql());
    }
}

package io.crosscast.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.audience.condition.CompileContext;
import io.crosscast.engine.DataKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compile context a workflow filter gets from the data of its incoming populations. */
class SqlPopulationsContextTest {

    @Test
    void aPositiveDeliveryIdIsTheIncomingDelivery() {
        assertEquals(CompileContext.withIncomingDelivery(12),
                SqlPopulations.contextOf(Map.of(DataKeys.DELIVERY_ID, "12", "other", "x")));
    }

    @Test
    void anythingElseGivesNoIncomingDelivery() {
        assertEquals(CompileContext.EMPTY, SqlPopulations.contextOf(Map.of()));
        assertEquals(CompileContext.EMPTY, SqlPopulations.contextOf(null));
        assertEquals(CompileContext.EMPTY, SqlPopulations.contextOf(Map.of(DataKeys.DELIVERY_ID, "D-email")));
        assertEquals(CompileContext.EMPTY, SqlPopulations.contextOf(Map.of(DataKeys.DELIVERY_ID, "0")));
    }
}

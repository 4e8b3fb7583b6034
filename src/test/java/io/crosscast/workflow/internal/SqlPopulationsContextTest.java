package io.crosscast.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crosscast.audience.condition.CompileContext;
import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.engine.ActivityException;
import io.crosscast.engine.DataKeys;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compile context a workflow filter gets from the data of its incoming populations, and the failure of a
 * filter that needs an incoming delivery where there is none (before any SQL runs).
 */
class SqlPopulationsContextTest {

    @Test
    void aPositiveDeliveryIdIsTheIncomingDelivery() {
        assertEquals(
                CompileContext.withIncomingDelivery(12),
                SqlPopulations.contextOf(Map.of(DataKeys.DELIVERY_ID, "12", "other", "x")));
    }

    @Test
    void anythingElseGivesNoIncomingDelivery() {
        assertEquals(CompileContext.EMPTY, SqlPopulations.contextOf(Map.of()));
        assertEquals(CompileContext.EMPTY, SqlPopulations.contextOf(null));
        assertEquals(CompileContext.EMPTY, SqlPopulations.contextOf(Map.of(DataKeys.DELIVERY_ID, "D-email")));
        assertEquals(CompileContext.EMPTY, SqlPopulations.contextOf(Map.of(DataKeys.DELIVERY_ID, "0")));
    }

    @Test
    void aFilterOnTheIncomingDeliveryWithoutOneFailsTheActivityInAnyLanguage() {
        SqlPopulations populations =
                new SqlPopulations(null, new ConditionCompiler(Clock.systemUTC(), ZoneOffset.UTC), 1);
        String clicked = "{\"field\": \"delivery\", \"operator\": \"clicked\"}";
        ActivityException e = assertThrows(ActivityException.class, () -> populations.query(clicked, Map.of()));
        assertEquals("condition.NO_INCOMING_DELIVERY", e.text().key());
        assertEquals(
                "'delivery clicked' needs a delivery: choose one, or place the filter after an email delivery",
                e.getMessage());
        assertEquals(
                "« delivery clicked » a besoin d'une diffusion : choisissez-en une, ou placez le filtre après"
                        + " une diffusion email",
                e.text().in(Locale.FRENCH));
        assertThrows(ActivityException.class, () -> populations.filterUnclaimed(null, clicked, Map.of(), List.of()));
    }
}

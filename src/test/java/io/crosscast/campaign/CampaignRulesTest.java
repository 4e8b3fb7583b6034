package io.crosscast.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.delivery.DeliveryStats;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain rules of campaigns: properties, statuses, figures, the search pattern. */
class CampaignRulesTest {

    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    private static final LocalDate MAY_31 = LocalDate.of(2026, 5, 31);

    @Test
    void validPropertiesHaveNoProblem() {
        assertEquals(List.of(), new CampaignContent(" Spring ", null, MAY_1, MAY_31, "marketer").problems());
        assertEquals(List.of(), new CampaignContent("Same day", "", MAY_1, MAY_1, null).problems());
        assertEquals(List.of(), new CampaignContent("Open-ended", null, MAY_1, null, null).problems());
    }

    @Test
    void everyProblemIsReported() {
        List<CampaignProblem> problems =
                new CampaignContent("  ", "d".repeat(2001), MAY_31, MAY_1, "o".repeat(101)).problems();
        assertEquals(
                List.of(
                        CampaignProblem.LABEL_REQUIRED,
                        CampaignProblem.DESCRIPTION_TOO_LONG,
                        CampaignProblem.OWNER_TOO_LONG,
                        CampaignProblem.END_BEFORE_START),
                problems);
        assertEquals(
                List.of(CampaignProblem.LABEL_TOO_LONG),
                new CampaignContent("l".repeat(201), null, null, null, null).problems());
        assertEquals(List.of(), new CampaignContent(" " + "l".repeat(200) + " ", null, null, null, null).problems());
    }

    @Test
    void exceptionMessageIsEnglishAndProblemsHaveTranslationKeys() {
        CampaignException e =
                CampaignException.invalid(List.of(CampaignProblem.LABEL_REQUIRED, CampaignProblem.END_BEFORE_START));
        assertEquals(CampaignException.Kind.INVALID, e.kind());
        assertEquals("A campaign needs a label. The end date cannot be before the start date.", e.getMessage());
        assertEquals("campaign.problem.LABEL_REQUIRED", CampaignProblem.LABEL_REQUIRED.code());
    }

    @Test
    void statusesMoveForwardOnly() {
        assertTrue(CampaignStatus.DRAFT.canMoveTo(CampaignStatus.RUNNING));
        assertTrue(CampaignStatus.DRAFT.canMoveTo(CampaignStatus.CANCELLED));
        assertFalse(CampaignStatus.DRAFT.canMoveTo(CampaignStatus.FINISHED));
        assertTrue(CampaignStatus.RUNNING.canMoveTo(CampaignStatus.FINISHED));
        assertTrue(CampaignStatus.RUNNING.canMoveTo(CampaignStatus.CANCELLED));
        assertFalse(CampaignStatus.RUNNING.canMoveTo(CampaignStatus.DRAFT));
        for (CampaignStatus target : CampaignStatus.values()) {
            assertFalse(CampaignStatus.FINISHED.canMoveTo(target));
            assertFalse(CampaignStatus.CANCELLED.canMoveTo(target));
        }
        assertTrue(CampaignStatus.FINISHED.isClosed());
        assertFalse(CampaignStatus.RUNNING.isClosed());
    }

    @Test
    void figuresAreSummedOverDeliveries() {
        CampaignFigures figures = CampaignFigures.sum(List.of(
                new DeliveryStats(10, 0, 8, 1, 1, 4, 2, 0),
                new DeliveryStats(5, 1, 2, 0, 2, 1, 0, 0),
                new DeliveryStats(0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals(new CampaignFigures(3, 15, 10, 5, 2), figures);
        assertEquals(0.5, figures.openRate(), 1e-9);
        assertEquals(0.2, figures.clickRate(), 1e-9);
        CampaignFigures none = CampaignFigures.sum(List.of());
        assertEquals(0, none.openRate());
        assertEquals(0, none.clickRate());
    }

    @Test
    void searchIsACaseInsensitiveContainsWithWildcardsEscaped() {
        assertNull(CampaignService.likePattern(null));
        assertNull(CampaignService.likePattern("  "));
        assertEquals("%spring%", CampaignService.likePattern(" Spring "));
        assertEquals("%50!% off!_now!!%", CampaignService.likePattern("50% off_now!"));
    }
}

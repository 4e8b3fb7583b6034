package io.crosscast.audience.condition;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which conditions read nothing of the recipient but its id (a population's members may then stand for the
 * recipient rows, without a join): list, behaviour and tracking-log rules, and groups of only those.
 */
class ReadsOnlyRecipientIdTest {

    private static final String BEHAVIOUR =
            "{\"field\": \"delivery\", \"operator\": \"did_not_click\", \"values\": [\"4\"]}";
    private static final String LOG =
            "{\"trackingLog\": {\"type\": \"click\", \"label\": \"offer\", \"delivery\": \"4\"}}";
    private static final String LIST = "{\"field\": \"list\", \"operator\": \"member_of_list\", \"values\": [\"7\"]}";
    private static final String FIELD = "{\"field\": \"language\", \"operator\": \"equals\", \"values\": [\"fr\"]}";

    private static boolean idOnly(String json) {
        return ConditionJson.fromJson(json).readsOnlyRecipientId();
    }

    @Test
    void idRulesReadOnlyTheId() {
        assertTrue(idOnly(BEHAVIOUR));
        assertTrue(idOnly(LOG));
        assertTrue(idOnly(LIST));
        assertTrue(idOnly("{\"logic\": \"or\", \"children\": [" + BEHAVIOUR + ", " + LOG + ", " + LIST + "]}"));
        assertTrue(idOnly("{\"logic\": \"and\", \"children\": []}"));
    }

    @Test
    void aRecipientFieldAnywhereNeedsTheRecipientRow() {
        assertFalse(idOnly(FIELD));
        assertFalse(idOnly("{\"logic\": \"and\", \"children\": [" + BEHAVIOUR + ", {\"logic\": \"or\", \"children\": ["
                + LOG + ", " + FIELD + "]}]}"));
        assertFalse(idOnly("{\"field\": \"nonsense\", \"operator\": \"equals\", \"values\": [\"x\"]}"));
    }
}

package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.condition.Group;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.ProblemCode;
import io.crosscast.audience.condition.Rule;
import io.crosscast.list.MembershipChange;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RequestsTest {

    @Test
    void noConditionMeansEveryoneForSearchesButIsRefusedForChanges() {
        assertEquals(Group.and(), Requests.conditionOrEveryone(null));
        ApiException e = assertThrows(ApiException.class, () -> Requests.requiredCondition(null));
        assertEquals("condition", e.error().field());
        assertEquals(400, e.error().status());
    }

    @Test
    void aConditionIsReadFromItsJsonObject() {
        JsonObject json = ApiErrorTest.parse("{\"logic\":\"and\",\"children\":["
                + "{\"field\":\"lastName\",\"operator\":\"equals\",\"values\":[\"' OR 1=1 --\"]}]}");

        assertEquals(
                Group.and(new Rule("lastName", Operator.EQUALS, List.of("' OR 1=1 --"))),
                Requests.requiredCondition(json));
    }

    @Test
    void anUnusableConditionIsRefusedWithItsProblems() {
        JsonObject unknownField = ApiErrorTest.parse("{\"logic\":\"or\",\"children\":["
                + "{\"field\":\"status\",\"operator\":\"equals\",\"values\":[\"GOLD\"]},"
                + "{\"field\":\"shoeSize\",\"operator\":\"equals\",\"values\":[\"42\"]}]}");
        InvalidConditionException e =
                assertThrows(InvalidConditionException.class, () -> Requests.conditionOrEveryone(unknownField));
        assertEquals(ProblemCode.UNKNOWN_FIELD, e.problems().get(0).code());
        assertEquals("/children/1", e.problems().get(0).jsonPointer());

        JsonObject malformed = ApiErrorTest.parse("{\"field\":\"status\",\"values\":[\"GOLD\"]}");
        assertEquals(
                ProblemCode.MALFORMED_CONDITION,
                assertThrows(InvalidConditionException.class, () -> Requests.requiredCondition(malformed))
                        .problems()
                        .get(0)
                        .code());

        JsonObject badValue =
                ApiErrorTest.parse("{\"field\":\"birthDate\",\"operator\":\"less_than\",\"values\":[\"soon\"]}");
        assertEquals(
                ProblemCode.NOT_A_DATE,
                assertThrows(InvalidConditionException.class, () -> Requests.requiredCondition(badValue))
                        .problems()
                        .get(0)
                        .code());
    }

    @Test
    void recipientsSortByIdOrAFieldOfConditions() {
        assertEquals("lastName", Requests.sortField(null));
        assertEquals("lastName", Requests.sortField(" "));
        assertEquals("birthDate", Requests.sortField(" birthDate "));
        assertEquals("id", Requests.sortField("id"));
        assertTrue(Requests.sortFields().contains("createdAt"));
        assertFalse(Requests.sortFields().contains("list"));

        ApiException e = assertThrows(ApiException.class, () -> Requests.sortField("last_name; DROP TABLE recipient"));
        assertEquals("sort", e.error().field());
        assertTrue(e.error().message().contains("lastName"), e.error().message());
        assertThrows(ApiException.class, () -> Requests.sortField("list"));
    }

    @Test
    void membershipModesAreAddReplaceAndRemove() {
        assertEquals(MembershipChange.ADD, Requests.membershipChange(null));
        assertEquals(MembershipChange.ADD, Requests.membershipChange("add"));
        assertEquals(MembershipChange.REPLACE, Requests.membershipChange("replace"));
        assertEquals(MembershipChange.REMOVE, Requests.membershipChange("REMOVE"));
        ApiException e = assertThrows(ApiException.class, () -> Requests.membershipChange("merge"));
        assertEquals("mode", e.error().field());
        assertEquals(
                "'merge' is not a mode (use add, replace, remove).", e.error().message());
    }

    @Test
    void aConstantIsNamedInAnyCaseAndARefusalGetsTheTextAsItCame() {
        Function<String, ApiException> refusal =
                text -> ApiException.badRequest("mode", "request.modeInvalid", "[" + text + "]");
        assertEquals(
                MembershipChange.REPLACE,
                Requests.constant(MembershipChange.class, " rePlace ", MembershipChange.ADD, refusal));
        assertEquals(
                MembershipChange.ADD, Requests.constant(MembershipChange.class, " ", MembershipChange.ADD, refusal));
        ApiException e = assertThrows(
                ApiException.class,
                () -> Requests.constant(MembershipChange.class, " merge ", MembershipChange.ADD, refusal));
        assertEquals("[ merge ]", e.error().message());
    }

    @Test
    void idsAreRequiredWithoutNullsAndBounded() {
        assertEquals(List.of(3L, 1L), Requests.ids("recipientIds", List.of(3L, 1L, 3L)));
        assertEquals(List.of(), Requests.ids("recipientIds", List.of()));
        assertEquals(
                "recipientIds",
                assertThrows(ApiException.class, () -> Requests.ids("recipientIds", null))
                        .error()
                        .field());
        assertThrows(ApiException.class, () -> Requests.ids("recipientIds", Arrays.asList(1L, null)));
        List<Long> tooMany = new ArrayList<>(
                LongStream.rangeClosed(1, Requests.MAX_IDS + 1).boxed().toList());
        assertEquals(
                "request.tooManyIds",
                assertThrows(ApiException.class, () -> Requests.ids("recipientIds", tooMany))
                        .error()
                        .code());
    }

    @Test
    void aMissingBodyIsA400() {
        Object body = new Object();
        assertSame(body, Requests.required(body));
        assertEquals(
                "request.bodyRequired",
                assertThrows(ApiException.class, () -> Requests.required(null))
                        .error()
                        .code());
    }
}

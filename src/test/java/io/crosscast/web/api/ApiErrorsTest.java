package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.AudienceException;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.audience.condition.ConditionValidator;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.list.ListException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.json.Json;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {

    @Test
    void recipientErrorsChooseTheirStatusByCode() {
        ApiError notFound =
                ApiErrors.describe(new AudienceException(null, "recipient.notFound", "Recipient 3 does not exist.", 3));
        assertEquals(404, notFound.status());
        assertEquals("Not Found", notFound.error());
        assertEquals("Recipient 3 does not exist.", notFound.message());
        assertNull(notFound.field());

        ApiError taken = ApiErrors.describe(new AudienceException("email", "recipient.emailTaken", "Taken.", "a@b.fr"));
        assertEquals(409, taken.status());
        assertEquals("email", taken.field());
        assertEquals("recipient.emailTaken", taken.code());

        ApiError invalid =
                ApiErrors.describe(new AudienceException("email", "recipient.emailInvalid", "Not an email."));
        assertEquals(400, invalid.status());
        assertEquals("email", invalid.field());
        assertEquals("Not an email.", invalid.message());
    }

    @Test
    void listErrorsChooseTheirStatusByCode() {
        assertEquals(
                404,
                ApiErrors.describe(new ListException("list.notFound", "List 4 does not exist."))
                        .status());
        ApiError taken = ApiErrors.describe(new ListException("list.nameTaken", "A list named 'X' already exists."));
        assertEquals(409, taken.status());
        assertEquals("name", taken.field());
        ApiError required = ApiErrors.describe(new ListException("list.nameRequired", "A list needs a name."));
        assertEquals(400, required.status());
        assertEquals("name", required.field());
        assertEquals(
                400, ApiErrors.describe(new ListException("list.other", "No.")).status());
    }

    @Test
    void anInvalidConditionListsEveryProblemWithItsPointer() {
        String json = "{\"logic\":\"and\",\"children\":["
                + "{\"field\":\"status\",\"operator\":\"equals\",\"values\":[\"GOLD\"]},"
                + "{\"field\":\"shoeSize\",\"operator\":\"equals\",\"values\":[\"42\"]}]}";
        InvalidConditionException e = assertThrows(
                InvalidConditionException.class, () -> ConditionValidator.requireValid(ConditionJson.fromJson(json)));

        ApiError error = ApiErrors.describe(e);

        assertEquals(400, error.status());
        assertEquals("condition.invalid", error.code());
        assertEquals("condition", error.field());
        assertEquals(1, error.problems().size());
        assertEquals("UNKNOWN_FIELD", error.problems().get(0).code());
        assertEquals("/children/1", error.problems().get(0).path());
        assertTrue(error.problems().get(0).message().contains("shoeSize"));
        assertTrue(error.message().startsWith("The condition is not valid: "), error.message());
    }

    @Test
    void aServiceSystemExceptionIsAnsweredForItsCause() {
        InvalidConditionException invalid =
                assertThrows(InvalidConditionException.class, () -> ConditionJson.fromJson("{\"field\":\"status\"}"));
        assertEquals(400, ApiErrors.describe(new EJBException(invalid)).status());
        assertEquals(
                "condition.invalid",
                ApiErrors.describe(new EJBException(invalid)).code());
        assertEquals(
                404,
                ApiErrors.describe(new EJBTransactionRolledbackException(
                                "rolled back", new AudienceException(null, "recipient.notFound", "gone")))
                        .status());
        assertEquals(403, ApiErrors.describe(new EJBAccessException("denied")).status());
    }

    @Test
    void anUnknownFailureIsA500ThatSaysNothingAboutIt() {
        ApiError error = ApiErrors.describe(new EJBException(new IllegalStateException("password=secret at db:5432")));

        assertEquals(500, error.status());
        assertEquals("Internal Server Error", error.error());
        assertEquals("server.error", error.code());
        assertFalse(error.message().contains("secret"));
        assertEquals(500, ApiErrors.describe(new NullPointerException()).status());
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(500, ApiErrors.describe(a).status());
    }

    @Test
    void bodiesThatAreNotJsonAre400sWithTheirPosition() {
        JsonParsingException parsing = assertThrows(
                JsonParsingException.class,
                () -> Json.createReader(new StringReader("{\"first\": }")).readObject());
        ProcessingException asRestEasyReportsIt = new ProcessingException(
                "RESTEASY008200: JSON Binding deserialization error", new JsonbException("Internal error", parsing));

        ApiError error = ApiErrors.describe(asRestEasyReportsIt);

        assertEquals(400, error.status());
        assertEquals("request.invalidJson", error.code());
        assertTrue(error.message().startsWith("The request body is not valid JSON (line 1, column"), error.message());
    }

    @Test
    void bodiesOfTheWrongShapeAre400s() {
        ApiError wrapped =
                ApiErrors.describe(new ApiException(ApiErrors.invalidJson(new JsonbException("wrong type"))));
        assertEquals(400, wrapped.status());
        assertTrue(
                wrapped.message().startsWith("The request body is not valid JSON for this request"), wrapped.message());

        assertEquals(
                400,
                ApiErrors.describe(new JsonbException("Unable to deserialize property 'first'"))
                        .status());
        assertEquals(
                400,
                ApiErrors.describe(new ProcessingException("deserialization error"))
                        .status());
    }

    @Test
    void aFailureToWriteAnAnswerIsTheServersFault() {
        ApiError error = ApiErrors.describe(new ResponseWritingException(
                new ProcessingException("serialization error", new JsonbException("cannot write"))));
        assertEquals(500, error.status());
    }

    @Test
    void anApiExceptionIsAnsweredAsItSays() {
        ApiError error = ApiErrors.describe(ApiException.badRequest("pageSize", "request.pageSize", "At least 1."));
        assertEquals(400, error.status());
        assertEquals("pageSize", error.field());
        assertEquals("At least 1.", error.message());
    }

    @Test
    void beanValidationFailuresAre400sNamingTheField() {
        Set<ConstraintViolation<?>> violations = new LinkedHashSet<>();
        violations.add(violation("name", "must not be blank"));
        violations.add(violation("description", "size must be between 0 and 1000"));

        ApiError error = ApiErrors.describe(
                new EJBException(new RuntimeException(new ConstraintViolationException(violations))));

        assertEquals(400, error.status());
        assertEquals("description", error.field());
        assertEquals("description: size must be between 0 and 1000; name: must not be blank", error.message());
    }

    @Test
    void aConcurrentChangeIsAConflict() {
        assertEquals(
                409,
                ApiErrors.describe(new EJBException(new OptimisticLockException("row was updated")))
                        .status());
    }

    @Test
    void statusesChosenByTheRuntimeGetAMessage() {
        assertEquals(404, ApiErrors.forHttpStatus(404, Set.of()).status());
        assertTrue(ApiErrors.forHttpStatus(404, Set.of()).message().startsWith("There is nothing at this address"));
        assertEquals(
                "This HTTP method is not allowed here (allowed: DELETE, GET, PUT).",
                ApiErrors.forHttpStatus(405, Set.of("PUT", "GET", "DELETE")).message());
        assertEquals(
                "This HTTP method is not allowed here.",
                ApiErrors.forHttpStatus(405, null).message());
        assertTrue(ApiErrors.forHttpStatus(415, Set.of()).message().contains("Content-Type: application/json"));
        assertEquals("http.406", ApiErrors.forHttpStatus(406, Set.of()).code());
        assertEquals("Conflict.", ApiErrors.forHttpStatus(409, Set.of()).message());
        assertEquals(
                "The server could not complete the request.",
                ApiErrors.forHttpStatus(503, Set.of()).message());
    }

    @Test
    void statusChoiceIsByCodeOnly() {
        assertEquals(400, ApiErrors.statusOf(new AudienceException(null, null, "no code")));
        assertEquals(400, ApiErrors.statusOf(new ListException(null, "no code")));
        assertEquals(
                List.of(404, 409),
                List.of(
                        ApiErrors.statusOf(new ListException("list.notFound", "")),
                        ApiErrors.statusOf(new ListException("list.nameTaken", ""))));
    }

    private static ConstraintViolation<?> violation(String property, String message) {
        Path path = (Path) Proxy.newProxyInstance(
                Path.class.getClassLoader(),
                new Class<?>[] {Path.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "RecipientList." + property;
                    case "hashCode" -> property.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ConstraintViolation<?>) Proxy.newProxyInstance(
                ConstraintViolation.class.getClassLoader(),
                new Class<?>[] {ConstraintViolation.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPropertyPath" -> path;
                    case "getMessage" -> message;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> property + " " + message;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

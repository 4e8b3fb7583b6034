package io.crosscast.web.api;

import io.crosscast.apitoken.ApiTokenException;
import io.crosscast.audience.AudienceException;
import io.crosscast.audience.condition.ConditionProblem;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.list.ListException;
import io.crosscast.workflow.WorkflowException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Turns any exception into the API's error answer: one place for the status chosen for each exception and
 * for the body, so that every exception mapper is one line.
 *
 * <p>{@link #describe(Throwable)} walks the exception and its causes, outermost first, and answers for
 * the first one it knows: an {@link EJBException} (a service threw something that is not an application
 * exception, such as an {@link InvalidConditionException}), RESTEasy's reader exceptions or a rolled-back
 * transaction are wrappers, looked through. What it does not know is a 500 with a generic message: the
 * exception is logged on the server, never sent to the client.
 */
public final class ApiErrors {

    /** JSON in UTF-8, the type of every answer of the API. */
    public static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());
    private static final String INVALID_JSON = "request.invalidJson";
    private static final int MAX_CAUSES = 32;
    private static final Set<String> CONTENT_HEADERS = Set.of(
            HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT), HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT));

    private ApiErrors() {}

    /** The answer to {@code failure}: its status and JSON body; a 500 is logged with its stack trace. */
    public static Response toResponse(Throwable failure) {
        ApiError error = describe(failure);
        if (error.status() >= 500) {
            LOG.log(Level.SEVERE, "REST API request failed", failure);
        } else if (INVALID_JSON.equals(error.code())
                && !hasCause(failure, ApiException.class)
                && !hasCause(failure, JsonParsingException.class)) {
            LOG.log(Level.WARNING, "REST API: a JSON failure that did not come from reading the request body", failure);
        }
        Response.ResponseBuilder response = builder(error);
        if (failure instanceof WebApplicationException wae
                && wae.getResponse() != null
                && wae.getResponse().getStatus() == error.status()) {
            // keep what the runtime said besides the body: Allow on a 405, Retry-After, ...
            wae.getResponse().getHeaders().forEach((name, values) -> {
                if (!CONTENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> response.header(name, value));
                }
            });
        }
        return response.build();
    }

    /** The answer carrying {@code error}. */
    public static Response response(ApiError error) {
        return builder(error).build();
    }

    private static Response.ResponseBuilder builder(ApiError error) {
        return Response.status(error.status()).type(JSON).entity(error.toJsonText());
    }

    /** The error to answer for {@code failure} (see the class comment). */
    public static ApiError describe(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = failure;
        for (int i = 0; current != null && i < MAX_CAUSES && seen.put(current, Boolean.TRUE) == null; i++) {
            Optional<ApiError> known = known(current);
            if (known.isPresent()) {
                return known.get();
            }
            current = causeOf(current);
        }
        return internal();
    }

    private static Optional<ApiError> known(Throwable e) {
        if (e instanceof ApiException api) {
            return Optional.of(api.error());
        }
        if (e instanceof AudienceException audience) {
            return Optional.of(ApiError.of(statusOf(audience), audience.code(), audience.getMessage())
                    .withField(audience.field()));
        }
        if (e instanceof ListException list) {
            return Optional.of(
                    ApiError.of(statusOf(list), list.code(), list.getMessage()).withField(fieldOf(list)));
        }
        if (e instanceof ApiTokenException token) {
            return Optional.of(ApiError.of(statusOf(token), token.code(), token.getMessage()));
        }
        if (e instanceof WorkflowException workflow) {
            return Optional.of(workflow(workflow));
        }
        if (e instanceof DeliveryException delivery) {
            return Optional.of(delivery(delivery));
        }
        if (e instanceof InvalidConditionException condition) {
            return Optional.of(invalidCondition(condition));
        }
        if (e instanceof ConstraintViolationException violations) {
            return Optional.of(constraintViolations(violations));
        }
        if (e instanceof EJBAccessException) {
            return Optional.of(ApiError.of(403, "forbidden", "You may not do this."));
        }
        if (e instanceof OptimisticLockException) {
            return Optional.of(ApiError.of(
                    409, "concurrentChange", "Someone else changed this at the same time: read it again, then retry."));
        }
        if (e instanceof ResponseWritingException) {
            return Optional.of(internal());
        }
        if (e instanceof JsonParsingException parsing) {
            return Optional.of(invalidJson(parsing));
        }
        if (e instanceof WebApplicationException wae) {
            Response response = wae.getResponse();
            int status = response == null ? 500 : response.getStatus();
            return Optional.of(forHttpStatus(status, response == null ? Set.of() : response.getAllowedMethods()));
        }
        if ((e instanceof JsonbException || e instanceof ProcessingException || e instanceof jakarta.json.JsonException)
                && !hasCause(e, JsonParsingException.class)) {
            // Bodies are read through RequestBodyInterceptor, which turns these into an ApiException: one
            // that arrives here bare is still about JSON, most likely a body; logged, in case it is not.
            return Optional.of(invalidJson(e));
        }
        return Optional.empty();
    }

    /** 404 for an unknown recipient, 409 for an email that another recipient has, 400 otherwise. */
    public static int statusOf(AudienceException e) {
        return switch (String.valueOf(e.code())) {
            case "recipient.notFound" -> 404;
            case "recipient.emailTaken" -> 409;
            default -> 400;
        };
    }

    /** 404 for an unknown list, 409 for a name that another list has, 400 otherwise. */
    public static int statusOf(ListException e) {
        return switch (String.valueOf(e.code())) {
            case "list.notFound" -> 404;
            case "list.nameTaken" -> 409;
            default -> 400;
        };
    }

    /** 404 for an unknown token, 403 for a role the caller does not hold, 400 otherwise. */
    public static int statusOf(ApiTokenException e) {
        return switch (String.valueOf(e.code())) {
            case "apiToken.notFound" -> 404;
            case "apiToken.roleNotHeld" -> 403;
            case "apiToken.signInRequired" -> 401;
            default -> 400;
        };
    }

    /** 404 for an unknown workflow, run or population, 409 for a move the run's status refuses, 400 otherwise. */
    public static int statusOf(WorkflowException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
        };
    }

    /**
     * The error for a refused workflow request: an invalid one is a 400 {@code workflow.invalid} listing each
     * problem as {@code {"message": ...}}; an unknown one a 404 {@code workflow.notFound}; a refused move a
     * 409 {@code workflow.conflict}.
     */
    public static ApiError workflow(WorkflowException e) {
        int status = statusOf(e);
        if (e.kind() != WorkflowException.Kind.INVALID) {
            return ApiError.of(status, e.code(), e.getMessage());
        }
        List<ApiError.Problem> problems =
                e.problems().stream().map(ApiError.Problem::message).toList();
        return ApiError.of(status, e.code(), "The workflow is not valid: " + e.getMessage())
                .withProblems(problems);
    }

    /**
     * The error for a refused delivery request: invalid content is a 400 {@code delivery.invalid} listing
     * each problem; an unknown delivery a 404 {@code delivery.notFound}; a change a sent delivery refuses a
     * 409 {@code delivery.conflict}.
     */
    public static ApiError delivery(DeliveryException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ApiError.of(404, "delivery.notFound", e.getMessage());
            case CONFLICT -> ApiError.of(409, "delivery.conflict", e.getMessage());
            case INVALID ->
                ApiError.of(400, "delivery.invalid", "The delivery is not valid: " + e.getMessage())
                        .withProblems(e.problems().stream()
                                .map(ApiError.Problem::message)
                                .toList());
        };
    }

    private static String fieldOf(ListException e) {
        return e.code() != null && e.code().startsWith("list.name") ? "name" : null;
    }

    /** A 400 listing each problem of the condition with its code, message and JSON pointer. */
    public static ApiError invalidCondition(InvalidConditionException e) {
        List<ApiError.Problem> problems = new ArrayList<>();
        for (ConditionProblem problem : e.problems()) {
            problems.add(new ApiError.Problem(problem.code().name(), problem.message(), problem.jsonPointer()));
        }
        return ApiError.of(400, "condition.invalid", "The condition is not valid: " + e.getMessage())
                .withField("condition")
                .withProblems(problems);
    }

    private static ApiError constraintViolations(ConstraintViolationException e) {
        Collection<ConstraintViolation<?>> violations =
                e.getConstraintViolations() == null ? List.of() : e.getConstraintViolations();
        List<ConstraintViolation<?>> sorted = violations.stream()
                .sorted(Comparator.comparing(v -> String.valueOf(v.getPropertyPath())))
                .toList();
        if (sorted.isEmpty()) {
            return ApiError.of(400, "request.invalid", "The request is not valid.");
        }
        String message =
                sorted.stream().map(v -> lastNode(v) + ": " + v.getMessage()).collect(Collectors.joining("; "));
        return ApiError.of(400, "request.invalid", message).withField(lastNode(sorted.get(0)));
    }

    private static String lastNode(ConstraintViolation<?> violation) {
        String path = String.valueOf(violation.getPropertyPath());
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The 400 for a request body that is not JSON or not shaped as expected; {@code cause} may be null. */
    public static ApiError invalidJson(Throwable cause) {
        return ApiError.of(400, INVALID_JSON, invalidJsonMessage(cause));
    }

    /**
     * The 400 for a request body whose values do not have the types expected, listing each problem (see
     * {@link StrictJson}).
     */
    public static ApiError invalidJsonWithProblems(String message, List<ApiError.Problem> problems) {
        return ApiError.of(400, INVALID_JSON, message).withProblems(problems);
    }

    private static String invalidJsonMessage(Throwable cause) {
        JsonParsingException parsing = findCause(cause, JsonParsingException.class);
        if (parsing != null) {
            JsonLocation at = parsing.getLocation();
            return at == null
                    ? "The request body is not valid JSON."
                    : "The request body is not valid JSON (line " + at.getLineNumber() + ", column "
                            + at.getColumnNumber() + ").";
        }
        return "The request body is not valid JSON for this request: a value has the wrong type or shape"
                + " (for example text where a number, a list or an object is expected).";
    }

    /** The error for a status that the JAX-RS runtime chose (unknown path, method not allowed...). */
    public static ApiError forHttpStatus(int status, Set<String> allowedMethods) {
        String message = switch (status) {
            case 400 -> "The request is not valid.";
            case 401 -> "Sign in with HTTP Basic authentication.";
            case 403 -> "You may not do this.";
            case 404 -> "There is nothing at this address: check the path and the id.";
            case 405 ->
                "This HTTP method is not allowed here"
                        + (allowedMethods == null || allowedMethods.isEmpty()
                                ? ""
                                : " (allowed: "
                                        + String.join(
                                                ", ",
                                                allowedMethods.stream().sorted().toList()) + ")")
                        + ".";
            case 406 -> "This API answers in JSON only: accept application/json.";
            case 415 -> "Send the request body as JSON, with the header Content-Type: application/json.";
            default ->
                status >= 500 ? "The server could not complete the request." : ApiError.reasonPhrase(status) + ".";
        };
        return ApiError.of(status, "http." + status, message);
    }

    /** The 500: nothing about the cause, which only the server log shows. */
    public static ApiError internal() {
        return ApiError.of(
                500, "server.error", "The server could not complete the request. The error is logged on the server.");
    }

    private static Throwable causeOf(Throwable e) {
        if (e instanceof EJBException ejb && ejb.getCausedByException() != null) {
            return ejb.getCausedByException();
        }
        return e.getCause();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return findCause(e, type) != null;
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = e;
        for (int i = 0; current != null && i < MAX_CAUSES && seen.put(current, Boolean.TRUE) == null; i++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = causeOf(current);
        }
        return null;
    }
}

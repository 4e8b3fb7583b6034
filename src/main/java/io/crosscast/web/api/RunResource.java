package io.crosscast.web.api;

import io.crosscast.audience.RecipientPage;
import io.crosscast.engine.Text;
import io.crosscast.workflow.WorkflowException;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/runs}: a run's status, activities, transitions and log; pause, resume, stop, restart from
 * an activity; purge; page through the recipients a transition carried. A lifecycle call answers with the
 * run as it is right after the change (a resumed run moves on in the background: poll
 * {@code GET /api/runs/{id}}).
 *
 * <p>Transition ids contain {@code .} and {@code >} ({@code split.subset1>gold}): the path parameter takes
 * any text, and clients send {@code >} URL-encoded as {@code %3E}.
 */
@Tag(name = "Runs")
@APIResponse(responseCode = "401", ref = CrosscastApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = CrosscastApi.FORBIDDEN)
@APIResponse(responseCode = "500", ref = CrosscastApi.SERVER_ERROR)
@Path("runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunResource {

    @EJB
    private WorkflowService workflows;

    @Operation(
            operationId = "getRun",
            summary = "Read a run",
            description = "Its status, each activity's phase, each transition's count, the latest log lines.")
    @APIResponse(responseCode = "200", description = "The run.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}")
    public RunDto get(@PathParam("id") long id) {
        return RunDto.of(workflows.view(id));
    }

    @Operation(operationId = "pauseRun", summary = "Pause a run")
    @APIResponse(responseCode = "200", description = "The run, right after the change.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    @Path("{id: [0-9]+}/pause")
    public RunDto pause(@PathParam("id") long id) {
        workflows.pause(id);
        return get(id);
    }

    @Operation(operationId = "resumeRun", summary = "Resume a paused run")
    @APIResponse(responseCode = "200", description = "The run, right after the change.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    @Path("{id: [0-9]+}/resume")
    public RunDto resume(@PathParam("id") long id) {
        workflows.resume(id);
        return get(id);
    }

    @Operation(operationId = "stopRun", summary = "Stop a run for good")
    @APIResponse(responseCode = "200", description = "The run, right after the change.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    @Path("{id: [0-9]+}/stop")
    public RunDto stop(@PathParam("id") long id) {
        workflows.stop(id);
        return get(id);
    }

    @Operation(operationId = "restartRun", summary = "Run a failed activity again, and everything after it")
    @APIResponse(responseCode = "200", description = "The run, right after the change.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    @Path("{id: [0-9]+}/restart")
    public RunDto restart(
            @PathParam("id") long id,
            @Parameter(description = "The id of the failed activity to run again.", required = true) @QueryParam("from")
                    String activityId) {
        workflows.restartFrom(id, requiredActivity(activityId));
        return get(id);
    }

    @Operation(
            operationId = "purgeRun",
            summary = "Purge a run that is not running",
            description = "With its log and the recipients of its transitions.")
    @APIResponse(responseCode = "204", description = "The run is purged.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @DELETE
    @Path("{id: [0-9]+}")
    public void purge(@PathParam("id") long id) {
        workflows.purge(id);
    }

    @Operation(
            operationId = "getTransitionPopulation",
            summary = "One page of the recipients a transition carried",
            description = "Write > as %3E in the transition id.")
    @APIResponse(responseCode = "200", description = "One page of the recipients.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}/transitions/{transitionId: .+}/population")
    public PageDto<RecipientDto> population(
            @PathParam("id") long id,
            @PathParam("transitionId") String transitionId,
            @Parameter(ref = CrosscastApi.FIRST) @QueryParam("first") String first,
            @Parameter(ref = CrosscastApi.PAGE_SIZE) @QueryParam("pageSize") String pageSize) {
        Paging paging = Paging.ofQuery(first, pageSize);
        RecipientPage page = workflows.transitionPopulation(id, transitionId, paging.first(), paging.pageSize());
        return RecipientDto.page(paging, page);
    }

    @Operation(
            operationId = "signalRun",
            summary = "Send an external signal to a run",
            description = "Hands the signal, with its optional parameters (a JSON object of at most 20 strings, numbers"
                    + " or booleans, 500 characters each), to the run's External signal activities that wait for it"
                    + " now; they let their population go on their 'signal' output. Counted once: a signal repeated"
                    + " with the same Idempotency-Key, or repeated before the activity acted on it, changes nothing"
                    + " (duplicate: true). 409 when no activity waits for it now (not reached yet, or past) or the"
                    + " run has ended.")
    @APIResponse(responseCode = "200", description = "The signal, and the activities it reached.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    @Path("{id: [0-9]+}/signals/{name}")
    public SignalDto signal(
            @PathParam("id") long id,
            @Parameter(description = "The signal's name, as set in the External signal activity.") @PathParam("name")
                    String name,
            @Parameter(description = "Optional: a signal sent again with the same key is counted once.")
                    @HeaderParam("Idempotency-Key")
                    String requestKey,
            @RequestBody(description = "Optional parameters: {\"orderId\": \"A-42\", \"amount\": 12.5}.")
                    JsonObject parameters) {
        return SignalDto.of(workflows.signal(id, name, parameters(parameters), requestKey));
    }

    @Operation(
            operationId = "confirmAbTestWinner",
            summary = "Confirm the winner of an A/B test that waits for a marketer",
            description = "For an A/B test with winnerSending 'confirmation' whose test is over: sends variant"
                    + " 'variant' (1 for the first; the rule's proposal or another) to the rest, and logs who chose it"
                    + " and whether it overrides the rule. 400 for a variant the test does not have; 409 before the"
                    + " test is decided, once a variant went to the rest, or for a test that sends automatically.")
    @APIResponse(responseCode = "200", description = "The confirmation: the variant, the rule's proposal, who.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    @Path("{id: [0-9]+}/abtests/{activityId}/winner")
    public AbTestConfirmationDto confirmWinner(
            @PathParam("id") long id,
            @Parameter(description = "The id of the A/B test activity.") @PathParam("activityId") String activityId,
            @RequestBody(description = "The variant to send to the rest: {\"variant\": 2}.", required = true)
                    JsonObject body) {
        return AbTestConfirmationDto.of(workflows.confirmAbTestWinner(id, activityId, variant(body)));
    }

    /** The {@code variant} of a winner confirmation's body: a whole number, else a 400. */
    static int variant(JsonObject body) {
        JsonValue value = body == null ? null : body.get("variant");
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                // too large: refused below
            }
        }
        throw WorkflowException.invalidTexts(List.of(Text.of("workflow.abTest.badVariant")));
    }

    @Operation(operationId = "getRunSignals", summary = "The external signals a run received, oldest first")
    @APIResponse(responseCode = "200", description = "The signals, with their parameters.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}/signals")
    public SignalDto.SignalsDto signals(@PathParam("id") long id) {
        return new SignalDto.SignalsDto(
                workflows.receivedSignals(id).stream().map(SignalDto::of).toList());
    }

    /** A signal's parameters: strings, numbers and booleans, as text; anything else is refused. */
    static Map<String, String> parameters(JsonObject body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (body == null) {
            return parameters;
        }
        List<Text> problems = new ArrayList<>();
        body.forEach((key, value) -> {
            switch (value.getValueType()) {
                case STRING -> parameters.put(key, ((JsonString) value).getString());
                case NUMBER, TRUE, FALSE -> parameters.put(key, value.toString());
                default -> problems.add(Text.of("workflow.signal.badParameter", key));
            }
        });
        if (!problems.isEmpty()) {
            throw WorkflowException.invalidTexts(problems);
        }
        return parameters;
    }

    /** The {@code from} query parameter of a restart: the id of the activity to run again. */
    static String requiredActivity(String activityId) {
        if (activityId == null || activityId.isBlank()) {
            throw ApiException.badRequest(
                    "from", "request.fromRequired", "Say which activity to run again: ?from=<activity id>.");
        }
        return activityId.strip();
    }
}

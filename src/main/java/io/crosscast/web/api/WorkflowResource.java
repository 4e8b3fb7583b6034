package io.crosscast.web.api;

import io.crosscast.workflow.Workflow;
import io.crosscast.workflow.WorkflowException;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/workflows}: save a workflow document (docs/WORKFLOW-FORMAT.md), change it, read it back (an
 * export, ready to be posted elsewhere), check one without saving it, start a run (then see
 * {@link RunResource}).
 */
@Tag(name = "Workflows")
@APIResponse(responseCode = "401", ref = CrosscastApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = CrosscastApi.FORBIDDEN)
@APIResponse(responseCode = "500", ref = CrosscastApi.SERVER_ERROR)
@Path("workflows")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    @EJB
    private WorkflowService workflows;

    @Context
    private UriInfo uri;

    @Operation(
            operationId = "createWorkflow",
            summary = "Save a new workflow",
            description = "Its name is the document's name.")
    @APIResponse(
            responseCode = "201",
            description = "The workflow, saved.",
            headers = @Header(name = CrosscastApi.LOCATION, ref = CrosscastApi.LOCATION),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkflowDto.class)))
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @POST
    public Response create(
            @RequestBody(description = "A workflow document (docs/WORKFLOW-FORMAT.md).") JsonObject document) {
        JsonObject body = Requests.required(document);
        Workflow created = workflows.create(WorkflowDto.nameOf(body), body.toString());
        URI location = uri.getAbsolutePathBuilder()
                .path(String.valueOf(created.getId()))
                .build();
        return Response.created(location).entity(WorkflowDto.of(created)).build();
    }

    @Operation(
            operationId = "getWorkflow",
            summary = "Read a workflow",
            description = "Its document is an export, ready to be posted to another server.")
    @APIResponse(responseCode = "200", description = "The workflow.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}")
    public WorkflowDto get(@PathParam("id") long id) {
        return WorkflowDto.of(workflows
                .find(id)
                .orElseThrow(() -> WorkflowException.notFound("Workflow " + id + " does not exist.")));
    }

    @Operation(
            operationId = "updateWorkflow",
            summary = "Replace a workflow's document",
            description = "Runs already started keep the document they started with.")
    @APIResponse(responseCode = "200", description = "The workflow, changed.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @PUT
    @Path("{id: [0-9]+}")
    public WorkflowDto update(
            @PathParam("id") long id,
            @RequestBody(description = "A workflow document (docs/WORKFLOW-FORMAT.md).") JsonObject document) {
        JsonObject body = Requests.required(document);
        return WorkflowDto.of(workflows.update(id, WorkflowDto.nameOf(body), body.toString()));
    }

    @Operation(
            operationId = "validateWorkflow",
            summary = "Check a workflow document without saving it",
            description = "200 either way, with every problem.")
    @APIResponse(responseCode = "200", description = "Whether the document is valid, and its problems.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @POST
    @Path("validate")
    public ValidationDto validate(
            @RequestBody(description = "A workflow document (docs/WORKFLOW-FORMAT.md).") JsonObject document) {
        return ValidationDto.of(workflows.problems(Requests.required(document).toString()));
    }

    @Operation(
            operationId = "startWorkflowRun",
            summary = "Start a run of the workflow",
            description = "The run moves on in the background: poll GET /api/runs/{runId}.")
    @APIResponse(
            responseCode = "201",
            description = "The run, started.",
            headers = @Header(name = CrosscastApi.LOCATION, ref = CrosscastApi.LOCATION),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RunStartedDto.class)))
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    @Path("{id: [0-9]+}/runs")
    public Response start(@PathParam("id") long id) {
        long runId = workflows.start(id);
        URI location =
                uri.getBaseUriBuilder().path("runs").path(String.valueOf(runId)).build();
        return Response.created(location).entity(new RunStartedDto(runId)).build();
    }

    @Operation(
            operationId = "simulateWorkflow",
            summary = "Simulate the workflow (a dry run)",
            description = "Runs it on the real data without sending anything or writing any list, ledger or"
                    + " tracking log: Waits pass at once; opens and clicks come from the rates or the CSV script of"
                    + " the body. Discards the workflow's earlier simulation. Poll GET /api/runs/{runId}.")
    @APIResponse(
            responseCode = "201",
            description = "The simulation, started.",
            headers = @Header(name = CrosscastApi.LOCATION, ref = CrosscastApi.LOCATION),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RunStartedDto.class)))
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @POST
    @Path("{id: [0-9]+}/simulations")
    public Response simulate(
            @PathParam("id") long id,
            @RequestBody(
                            description =
                                    "{\"seed\": 1, \"rates\": {\"<deliveryId>\": {\"opens\": 40, \"clicks\":"
                                            + " {\"<link label or URL>\": 20}}}, \"script\": \"email,delivery,action,link\\n...\"}")
                    JsonObject body) {
        long runId = workflows.simulate(id, SimulationRequest.settings(body));
        URI location =
                uri.getBaseUriBuilder().path("runs").path(String.valueOf(runId)).build();
        return Response.created(location).entity(new RunStartedDto(runId)).build();
    }

    @Operation(
            operationId = "discardWorkflowSimulations",
            summary = "Discard the workflow's simulation",
            description = "Its run, log, populations and simulated opens and clicks are deleted.")
    @APIResponse(responseCode = "204", description = "Discarded (or there was none).")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @DELETE
    @Path("{id: [0-9]+}/simulations")
    public void discardSimulations(@PathParam("id") long id) {
        workflows.find(id).orElseThrow(() -> WorkflowException.notFound("Workflow " + id + " does not exist."));
        workflows.discardSimulations(id);
    }
}

package io.crosscast.web.api;

import io.crosscast.workflow.Workflow;
import io.crosscast.workflow.WorkflowException;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
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

/**
 * {@code /api/workflows}: save a workflow document (docs/WORKFLOW-FORMAT.md), change it, read it back (an
 * export, ready to be posted elsewhere), check one without saving it, start a run (then see
 * {@link RunResource}).
 */
@Path("workflows")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    @EJB
    private WorkflowService workflows;

    @Context
    private UriInfo uri;

    @POST
    public Response create(JsonObject document) {
        JsonObject body = Requests.required(document);
        Workflow created = workflows.create(WorkflowDto.nameOf(body), body.toString());
        URI location = uri.getAbsolutePathBuilder()
                .path(String.valueOf(created.getId()))
                .build();
        return Response.created(location).entity(WorkflowDto.of(created)).build();
    }

    @GET
    @Path("{id: [0-9]+}")
    public WorkflowDto get(@PathParam("id") long id) {
        return WorkflowDto.of(workflows
                .find(id)
                .orElseThrow(() -> WorkflowException.notFound("Workflow " + id + " does not exist.")));
    }

    @PUT
    @Path("{id: [0-9]+}")
    public WorkflowDto update(@PathParam("id") long id, JsonObject document) {
        JsonObject body = Requests.required(document);
        return WorkflowDto.of(workflows.update(id, WorkflowDto.nameOf(body), body.toString()));
    }

    @POST
    @Path("validate")
    public ValidationDto validate(JsonObject document) {
        return ValidationDto.of(workflows.problems(Requests.required(document).toString()));
    }

    @POST
    @Path("{id: [0-9]+}/runs")
    public Response start(@PathParam("id") long id) {
        long runId = workflows.start(id);
        URI location =
                uri.getBaseUriBuilder().path("runs").path(String.valueOf(runId)).build();
        return Response.created(location).entity(new RunStartedDto(runId)).build();
    }
}

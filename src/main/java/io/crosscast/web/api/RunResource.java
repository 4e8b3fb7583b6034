package io.crosscast.web.api;

import io.crosscast.audience.RecipientPage;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/runs}: a run's status, activities, transitions and log; pause, resume, stop, restart from
 * an activity; purge; page through the recipients a transition carried. A lifecycle call answers with the
 * run as it is right after the change (a resumed run moves on in the background: poll
 * {@code GET /api/runs/{id}}).
 *
 * <p>Transition ids contain {@code .} and {@code >} ({@code split.subset1>gold}): the path parameter takes
 * any text, and clients send {@code >} URL-encoded as {@code %3E}.
 */
@Path("runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunResource {

    @EJB
    private WorkflowService workflows;

    @GET
    @Path("{id: [0-9]+}")
    public RunDto get(@PathParam("id") long id) {
        return RunDto.of(workflows.view(id));
    }

    @POST
    @Path("{id: [0-9]+}/pause")
    public RunDto pause(@PathParam("id") long id) {
        workflows.pause(id);
        return get(id);
    }

    @POST
    @Path("{id: [0-9]+}/resume")
    public RunDto resume(@PathParam("id") long id) {
        workflows.resume(id);
        return get(id);
    }

    @POST
    @Path("{id: [0-9]+}/stop")
    public RunDto stop(@PathParam("id") long id) {
        workflows.stop(id);
        return get(id);
    }

    @POST
    @Path("{id: [0-9]+}/restart")
    public RunDto restart(@PathParam("id") long id, @QueryParam("from") String activityId) {
        workflows.restartFrom(id, requiredActivity(activityId));
        return get(id);
    }

    @DELETE
    @Path("{id: [0-9]+}")
    public void purge(@PathParam("id") long id) {
        workflows.purge(id);
    }

    @GET
    @Path("{id: [0-9]+}/transitions/{transitionId: .+}/population")
    public PageDto<RecipientDto> population(
            @PathParam("id") long id,
            @PathParam("transitionId") String transitionId,
            @QueryParam("first") String first,
            @QueryParam("pageSize") String pageSize) {
        Paging paging = Paging.ofQuery(first, pageSize);
        RecipientPage page = workflows.transitionPopulation(id, transitionId, paging.first(), paging.pageSize());
        return RecipientDto.page(paging, page);
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

package io.crosscast.web.api;

import io.crosscast.audience.RecipientPage;
import io.crosscast.list.ListService;
import io.crosscast.list.ListSummary;
import io.crosscast.list.MembershipResult;
import io.crosscast.list.RecipientList;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/lists}: lists, their members, and membership changed by condition or by id. */
@Tag(name = "Lists")
@APIResponse(responseCode = "401", ref = CrosscastApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = CrosscastApi.FORBIDDEN)
@APIResponse(responseCode = "500", ref = CrosscastApi.SERVER_ERROR)
@Path("lists")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ListResource {

    @EJB
    private ListService lists;

    @Context
    private UriInfo uri;

    @Operation(operationId = "getLists", summary = "All lists, with their sizes")
    @APIResponse(responseCode = "200", description = "Every list.")
    @GET
    public ListsDto all() {
        return new ListsDto(lists.all().stream().map(ListDto::of).toList());
    }

    @Operation(operationId = "createList", summary = "Create a list")
    @APIResponse(
            responseCode = "201",
            description = "The list, created.",
            headers = @Header(name = CrosscastApi.LOCATION, ref = CrosscastApi.LOCATION),
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListDto.class)))
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    public Response create(ListInput input) {
        ListInput body = Requests.required(input);
        RecipientList created = lists.create(body.getName(), body.getDescription());
        URI location = uri.getAbsolutePathBuilder()
                .path(String.valueOf(created.getId()))
                .build();
        return Response.created(location)
                .entity(ListDto.of(new ListSummary(created.getId(), created.getName(), created.getDescription(), 0)))
                .build();
    }

    @Operation(operationId = "getList", summary = "Read a list")
    @APIResponse(responseCode = "200", description = "The list.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}")
    public ListDto get(@PathParam("id") long id) {
        return ListDto.of(lists.summary(id));
    }

    @Operation(operationId = "updateList", summary = "Rename a list or change its description")
    @APIResponse(responseCode = "200", description = "The list, changed.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @PUT
    @Path("{id: [0-9]+}")
    public ListDto update(@PathParam("id") long id, ListInput input) {
        ListInput body = Requests.required(input);
        return ListDto.of(lists.update(id, body.getName(), body.getDescription()));
    }

    @Operation(operationId = "deleteList", summary = "Delete a list", description = "Its recipients stay.")
    @APIResponse(responseCode = "204", description = "The list is deleted.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @DELETE
    @Path("{id: [0-9]+}")
    public void delete(@PathParam("id") long id) {
        lists.delete(id);
    }

    @Operation(operationId = "getListMembers", summary = "One page of a list's members")
    @APIResponse(responseCode = "200", description = "One page of the members.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}/members")
    public PageDto<RecipientDto> members(
            @PathParam("id") long id,
            @Parameter(ref = CrosscastApi.FIRST) @QueryParam("first") String first,
            @Parameter(ref = CrosscastApi.PAGE_SIZE) @QueryParam("pageSize") String pageSize) {
        Paging paging = Paging.ofQuery(first, pageSize);
        RecipientPage page = lists.memberPage(id, paging.first(), paging.pageSize());
        return RecipientDto.page(paging, page);
    }

    @Operation(operationId = "changeListMembers", summary = "Add, replace or remove the members matching a condition")
    @APIResponse(responseCode = "200", description = "How many members were added or removed.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @POST
    @Path("{id: [0-9]+}/members")
    public MembershipResult changeMembers(@PathParam("id") long id, MembersChangeRequest input) {
        MembersChangeRequest body = Requests.required(input);
        return lists.changeMembers(
                id, Requests.requiredCondition(body.getCondition()), Requests.membershipChange(body.getMode()));
    }

    @Operation(operationId = "removeListMembers", summary = "Remove members by recipient id")
    @APIResponse(responseCode = "200", description = "How many members were removed.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @DELETE
    @Path("{id: [0-9]+}/members")
    public RemovedDto removeMembers(@PathParam("id") long id, MembersRemovalRequest input) {
        MembersRemovalRequest body = Requests.required(input);
        return new RemovedDto(lists.removeMembers(id, Requests.ids("recipientIds", body.getRecipientIds())));
    }
}

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

/** {@code /api/lists}: lists, their members, and membership changed by condition or by id. */
@Path("lists")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ListResource {

    @EJB
    private ListService lists;

    @Context
    private UriInfo uri;

    @GET
    public ListsDto all() {
        return new ListsDto(lists.all().stream().map(ListDto::of).toList());
    }

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

    @GET
    @Path("{id: [0-9]+}")
    public ListDto get(@PathParam("id") long id) {
        return ListDto.of(lists.summary(id));
    }

    @PUT
    @Path("{id: [0-9]+}")
    public ListDto update(@PathParam("id") long id, ListInput input) {
        ListInput body = Requests.required(input);
        return ListDto.of(lists.update(id, body.getName(), body.getDescription()));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    public void delete(@PathParam("id") long id) {
        lists.delete(id);
    }

    @GET
    @Path("{id: [0-9]+}/members")
    public PageDto<RecipientDto> members(
            @PathParam("id") long id, @QueryParam("first") String first, @QueryParam("pageSize") String pageSize) {
        Paging paging = Paging.ofQuery(first, pageSize);
        RecipientPage page = lists.memberPage(id, paging.first(), paging.pageSize());
        return RecipientDto.page(paging, page);
    }

    @POST
    @Path("{id: [0-9]+}/members")
    public MembershipResult changeMembers(@PathParam("id") long id, MembersChangeRequest input) {
        MembersChangeRequest body = Requests.required(input);
        return lists.changeMembers(
                id, Requests.requiredCondition(body.getCondition()), Requests.membershipChange(body.getMode()));
    }

    @DELETE
    @Path("{id: [0-9]+}/members")
    public RemovedDto removeMembers(@PathParam("id") long id, MembersRemovalRequest input) {
        MembersRemovalRequest body = Requests.required(input);
        return new RemovedDto(lists.removeMembers(id, Requests.ids("recipientIds", body.getRecipientIds())));
    }
}

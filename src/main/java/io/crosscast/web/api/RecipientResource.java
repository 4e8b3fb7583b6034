package io.crosscast.web.api;

import io.crosscast.audience.AudienceException;
import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientPage;
import io.crosscast.audience.RecipientService;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** {@code /api/recipients}: read, create, change, delete one recipient; search and count by condition. */
@Path("recipients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecipientResource {

    @EJB
    private RecipientService recipients;

    @Context
    private UriInfo uri;

    @GET
    @Path("{id: [0-9]+}")
    public RecipientDto get(@PathParam("id") long id) {
        return RecipientDto.of(recipients
                .find(id)
                .orElseThrow(() ->
                        new AudienceException(null, "recipient.notFound", "Recipient " + id + " does not exist.", id)));
    }

    @POST
    public Response create(RecipientInput input) {
        Recipient created = recipients.create(Requests.required(input).toForm());
        URI location = uri.getAbsolutePathBuilder()
                .path(String.valueOf(created.getId()))
                .build();
        return Response.created(location).entity(RecipientDto.of(created)).build();
    }

    @PUT
    @Path("{id: [0-9]+}")
    public RecipientDto update(@PathParam("id") long id, RecipientInput input) {
        return RecipientDto.of(recipients.update(id, Requests.required(input).toForm()));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    public void delete(@PathParam("id") long id) {
        recipients.delete(id);
    }

    @POST
    @Path("search")
    public PageDto<RecipientDto> search(SearchRequest body) {
        SearchRequest request = body == null ? new SearchRequest() : body;
        Paging paging = Paging.of(request.getFirst(), request.getPageSize());
        RecipientPage page = recipients.search(
                Requests.conditionOrEveryone(request.getCondition()),
                Requests.sortField(request.getSort()),
                !Boolean.FALSE.equals(request.getAscending()),
                paging.first(),
                paging.pageSize());
        return RecipientDto.page(paging, page);
    }

    @POST
    @Path("count")
    public CountDto count(CountRequest body) {
        return new CountDto(recipients.count(Requests.conditionOrEveryone(body == null ? null : body.getCondition())));
    }
}

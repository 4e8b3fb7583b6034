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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/recipients}: read, create, change, delete one recipient; search and count by condition. */
@Tag(name = "Recipients")
@APIResponse(responseCode = "401", ref = CrosscastApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = CrosscastApi.FORBIDDEN)
@APIResponse(responseCode = "500", ref = CrosscastApi.SERVER_ERROR)
@Path("recipients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecipientResource {

    @EJB
    private RecipientService recipients;

    @Context
    private UriInfo uri;

    @Operation(operationId = "getRecipient", summary = "Read a recipient")
    @APIResponse(responseCode = "200", description = "The recipient.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}")
    public RecipientDto get(@PathParam("id") long id) {
        return RecipientDto.of(recipients
                .find(id)
                .orElseThrow(() ->
                        new AudienceException(null, "recipient.notFound", "Recipient " + id + " does not exist.", id)));
    }

    @Operation(operationId = "createRecipient", summary = "Create a recipient")
    @APIResponse(
            responseCode = "201",
            description = "The recipient, created.",
            headers = @Header(name = CrosscastApi.LOCATION, ref = CrosscastApi.LOCATION),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecipientDto.class)))
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    public Response create(RecipientInput input) {
        Recipient created = recipients.create(Requests.required(input).toForm());
        URI location = uri.getAbsolutePathBuilder()
                .path(String.valueOf(created.getId()))
                .build();
        return Response.created(location).entity(RecipientDto.of(created)).build();
    }

    @Operation(
            operationId = "updateRecipient",
            summary = "Replace a recipient",
            description = "Every key is written: a key left out is cleared.")
    @APIResponse(responseCode = "200", description = "The recipient, changed.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @PUT
    @Path("{id: [0-9]+}")
    public RecipientDto update(@PathParam("id") long id, RecipientInput input) {
        return RecipientDto.of(recipients.update(id, Requests.required(input).toForm()));
    }

    @Operation(operationId = "deleteRecipient", summary = "Delete a recipient")
    @APIResponse(responseCode = "204", description = "The recipient is deleted.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @DELETE
    @Path("{id: [0-9]+}")
    public void delete(@PathParam("id") long id) {
        recipients.delete(id);
    }

    @Operation(
            operationId = "searchRecipients",
            summary = "Search recipients by condition",
            description = "One page of the recipients matching the condition (everyone without one), sorted.")
    @APIResponse(responseCode = "200", description = "One page of matching recipients.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @POST
    @Path("search")
    public PageDto<RecipientDto> search(
            @RequestBody(required = false, description = "The condition, sort and page; none: everyone, first page.")
                    SearchRequest body) {
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

    @Operation(operationId = "countRecipients", summary = "Count recipients by condition")
    @APIResponse(responseCode = "200", description = "How many recipients match.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @POST
    @Path("count")
    public CountDto count(
            @RequestBody(required = false, description = "The condition; none: everyone.") CountRequest body) {
        return new CountDto(recipients.count(Requests.conditionOrEveryone(body == null ? null : body.getCondition())));
    }
}

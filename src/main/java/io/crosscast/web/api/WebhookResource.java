package io.crosscast.web.api;

import io.crosscast.webhook.NewSubscription;
import io.crosscast.webhook.WebhookService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/webhooks}: webhook subscriptions and their delivery logs (role admin: the service checks it). */
@Tag(name = "Webhooks")
@APIResponse(responseCode = "401", ref = CrosscastApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = CrosscastApi.FORBIDDEN)
@APIResponse(responseCode = "500", ref = CrosscastApi.SERVER_ERROR)
@Path("webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @EJB
    private WebhookService webhooks;

    @Context
    private UriInfo uri;

    @Operation(operationId = "getWebhooks", summary = "Every webhook subscription (administrators)")
    @APIResponse(responseCode = "200", description = "The subscriptions, without their secrets.")
    @GET
    public WebhookDto.Items all() {
        return new WebhookDto.Items(
                webhooks.all().stream().map(s -> WebhookDto.of(s, null)).toList());
    }

    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe a URL to events",
            description = "The answer holds the signing secret, the only time it is shown.")
    @APIResponse(
            responseCode = "201",
            description = "The subscription, made.",
            headers = @Header(name = CrosscastApi.LOCATION, ref = CrosscastApi.LOCATION),
            content = @Content(schema = @Schema(implementation = WebhookDto.class)))
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @POST
    public Response create(WebhookInput input) {
        WebhookInput body = Requests.required(input);
        NewSubscription created = webhooks.create(
                body.getUrl(),
                body.getEvents(),
                body.getSecret(),
                body.getDescription(),
                body.getActive() == null || body.getActive());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.subscription().getId()))
                        .build())
                .entity(WebhookDto.of(created.subscription(), created.secret()))
                .build();
    }

    @Operation(operationId = "getWebhook", summary = "Read a subscription")
    @APIResponse(responseCode = "200", description = "The subscription.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}")
    public WebhookDto get(@PathParam("id") long id) {
        return WebhookDto.of(webhooks.get(id), null);
    }

    @Operation(operationId = "updateWebhook", summary = "Change a subscription's URL, events or state")
    @APIResponse(responseCode = "200", description = "The subscription, changed.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @PUT
    @Path("{id: [0-9]+}")
    public WebhookDto update(@PathParam("id") long id, WebhookInput input) {
        WebhookInput body = Requests.required(input);
        return WebhookDto.of(
                webhooks.update(
                        id,
                        body.getUrl(),
                        body.getEvents(),
                        body.getDescription(),
                        body.getActive() == null || body.getActive()),
                null);
    }

    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription and its delivery log")
    @APIResponse(responseCode = "204", description = "The subscription is deleted.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @DELETE
    @Path("{id: [0-9]+}")
    public void delete(@PathParam("id") long id) {
        webhooks.delete(id);
    }

    @Operation(operationId = "getWebhookDeliveries", summary = "A subscription's delivery log: events and attempts")
    @APIResponse(responseCode = "200", description = "The newest events sent to the subscription, with their attempts.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}/deliveries")
    public WebhookCallsDto deliveries(@PathParam("id") long id) {
        return new WebhookCallsDto(webhooks.log(id));
    }
}

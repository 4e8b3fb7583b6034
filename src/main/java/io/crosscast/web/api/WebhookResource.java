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

/** {@code /api/webhooks}: webhook subscriptions and their delivery logs (role admin: the service checks it). */
@Path("webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @EJB
    private WebhookService webhooks;

    @Context
    private UriInfo uri;

    @GET
    public WebhookDto.Items all() {
        return new WebhookDto.Items(
                webhooks.all().stream().map(s -> WebhookDto.of(s, null)).toList());
    }

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

    @GET
    @Path("{id: [0-9]+}")
    public WebhookDto get(@PathParam("id") long id) {
        return WebhookDto.of(webhooks.get(id), null);
    }

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

    @DELETE
    @Path("{id: [0-9]+}")
    public void delete(@PathParam("id") long id) {
        webhooks.delete(id);
    }

    @GET
    @Path("{id: [0-9]+}/deliveries")
    public WebhookCallsDto deliveries(@PathParam("id") long id) {
        return new WebhookCallsDto(webhooks.log(id));
    }
}

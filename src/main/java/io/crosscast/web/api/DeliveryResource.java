package io.crosscast.web.api;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.LedgerEntry;
import io.crosscast.delivery.MessageStatus;
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
import java.util.List;

/**
 * {@code /api/deliveries}: email deliveries (content with personalisation), sending to the recipients
 * matching a condition, figures and the send ledger.
 */
@Path("deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @EJB
    private DeliveryService deliveries;

    @Context
    private UriInfo uri;

    @GET
    public PageDto<DeliveryDto> page(@QueryParam("first") String first, @QueryParam("pageSize") String pageSize) {
        Paging paging = Paging.ofQuery(first, pageSize);
        List<DeliveryDto> items = deliveries.page(paging.first(), paging.pageSize()).stream()
                .map(d -> DeliveryDto.of(d, null))
                .toList();
        return PageDto.of(paging, deliveries.count(), items);
    }

    @POST
    public Response create(DeliveryDto body) {
        DeliveryDto input = Requests.required(body);
        Delivery created = deliveries.create(channel(input.channel()), input.content());
        URI location = uri.getAbsolutePathBuilder()
                .path(String.valueOf(created.getId()))
                .build();
        return Response.created(location).entity(DeliveryDto.of(created, null)).build();
    }

    @GET
    @Path("{id: [0-9]+}")
    public DeliveryDto get(@PathParam("id") long id) {
        Delivery delivery = deliveries.get(id);
        return DeliveryDto.of(delivery, delivery.getStatus() == DeliveryStatus.DRAFT ? null : deliveries.stats(id));
    }

    @PUT
    @Path("{id: [0-9]+}")
    public DeliveryDto update(@PathParam("id") long id, DeliveryDto body) {
        return DeliveryDto.of(deliveries.update(id, Requests.required(body).content()), null);
    }

    @DELETE
    @Path("{id: [0-9]+}")
    public Response delete(@PathParam("id") long id) {
        deliveries.delete(id);
        return Response.noContent().build();
    }

    /** Targets the recipients matching {@code {"condition": ...}} (everyone without one) and starts sending. */
    @POST
    @Path("{id: [0-9]+}/send")
    public Response send(@PathParam("id") long id, CountRequest body) {
        DeliveryStats stats =
                deliveries.sendToCondition(id, Requests.conditionOrEveryone(body == null ? null : body.getCondition()));
        return Response.accepted(stats).build();
    }

    @POST
    @Path("{id: [0-9]+}/cancel")
    public DeliveryDto cancel(@PathParam("id") long id) {
        deliveries.cancel(id);
        return get(id);
    }

    @POST
    @Path("{id: [0-9]+}/pause")
    public DeliveryDto pause(@PathParam("id") long id) {
        deliveries.pause(id);
        return get(id);
    }

    @POST
    @Path("{id: [0-9]+}/resume")
    public DeliveryDto resume(@PathParam("id") long id) {
        deliveries.resume(id);
        return get(id);
    }

    @GET
    @Path("{id: [0-9]+}/stats")
    public DeliveryStats stats(@PathParam("id") long id) {
        deliveries.get(id);
        return deliveries.stats(id);
    }

    /** The send ledger, by recipient id; {@code status} keeps only rows of that status. */
    @GET
    @Path("{id: [0-9]+}/ledger")
    public PageDto<LedgerEntry> ledger(
            @PathParam("id") long id,
            @QueryParam("status") String status,
            @QueryParam("first") String first,
            @QueryParam("pageSize") String pageSize) {
        deliveries.get(id);
        Paging paging = Paging.ofQuery(first, pageSize);
        MessageStatus wanted = status(status);
        return PageDto.of(
                paging,
                deliveries.ledgerCount(id, wanted),
                deliveries.ledger(id, wanted, paging.first(), paging.pageSize()));
    }

    /** EMAIL (the default) or SMS; for SMS, senderName is the sender id and textBody the text. */
    private static Channel channel(String text) {
        return Requests.constant(
                Channel.class,
                text,
                Channel.EMAIL,
                t -> ApiException.badRequest(
                        "channel", "delivery.channelInvalid", "Unknown channel '" + t + "': EMAIL or SMS."));
    }

    private static MessageStatus status(String text) {
        return Requests.constant(
                MessageStatus.class,
                text,
                null,
                t -> ApiException.badRequest(
                        "status",
                        "delivery.statusInvalid",
                        "Unknown ledger status '" + t + "': one of " + List.of(MessageStatus.values()) + "."));
    }
}

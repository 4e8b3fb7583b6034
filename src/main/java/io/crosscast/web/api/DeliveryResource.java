package io.crosscast.web.api;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.LedgerEntry;
import io.crosscast.delivery.MessageStatus;
import io.crosscast.tracking.ActorFigures;
import io.crosscast.tracking.TrackingClassifier;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/deliveries}: email deliveries (content with personalisation), sending to the recipients
 * matching a condition, figures and the send ledger.
 */
@Tag(name = "Deliveries")
@APIResponse(responseCode = "401", ref = CrosscastApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = CrosscastApi.FORBIDDEN)
@APIResponse(responseCode = "500", ref = CrosscastApi.SERVER_ERROR)
@Path("deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @EJB
    private DeliveryService deliveries;

    @EJB
    private TrackingClassifier classifier;

    @Context
    private UriInfo uri;

    @Operation(
            operationId = "getDeliveries",
            summary = "One page of the deliveries, newest first",
            description = "Without figures.")
    @APIResponse(responseCode = "200", description = "One page of deliveries.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @GET
    public PageDto<DeliveryDto> page(
            @Parameter(ref = CrosscastApi.FIRST) @QueryParam("first") String first,
            @Parameter(ref = CrosscastApi.PAGE_SIZE) @QueryParam("pageSize") String pageSize) {
        Paging paging = Paging.ofQuery(first, pageSize);
        List<DeliveryDto> items = deliveries.page(paging.first(), paging.pageSize()).stream()
                .map(d -> DeliveryDto.of(d, null))
                .toList();
        return PageDto.of(paging, deliveries.count(), items);
    }

    @Operation(
            operationId = "createDelivery",
            summary = "Create a draft delivery",
            description = "An email delivery, or a text message with channel SMS.")
    @APIResponse(
            responseCode = "201",
            description = "The delivery, a draft.",
            headers = @Header(name = CrosscastApi.LOCATION, ref = CrosscastApi.LOCATION),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeliveryDto.class)))
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @POST
    public Response create(DeliveryDto body) {
        DeliveryDto input = Requests.required(body);
        Delivery created = deliveries.create(channel(input.channel()), input.content());
        URI location = uri.getAbsolutePathBuilder()
                .path(String.valueOf(created.getId()))
                .build();
        return Response.created(location).entity(DeliveryDto.of(created, null)).build();
    }

    @Operation(
            operationId = "getDelivery",
            summary = "Read a delivery",
            description = "With its figures once it has been sent.")
    @APIResponse(responseCode = "200", description = "The delivery.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}")
    public DeliveryDto get(@PathParam("id") long id) {
        Delivery delivery = deliveries.get(id);
        return DeliveryDto.of(delivery, delivery.getStatus() == DeliveryStatus.DRAFT ? null : deliveries.stats(id));
    }

    @Operation(operationId = "updateDelivery", summary = "Replace a draft's content")
    @APIResponse(responseCode = "200", description = "The delivery, changed.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @PUT
    @Path("{id: [0-9]+}")
    public DeliveryDto update(@PathParam("id") long id, DeliveryDto body) {
        return DeliveryDto.of(deliveries.update(id, Requests.required(body).content()), null);
    }

    @Operation(
            operationId = "deleteDelivery",
            summary = "Delete a delivery",
            description = "With its ledger and tracking logs.")
    @APIResponse(responseCode = "204", description = "The delivery is deleted.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @DELETE
    @Path("{id: [0-9]+}")
    public Response delete(@PathParam("id") long id) {
        deliveries.delete(id);
        return Response.noContent().build();
    }

    /** Targets the recipients matching {@code {"condition": ...}} (everyone without one) and starts sending. */
    @Operation(
            operationId = "sendDelivery",
            summary = "Send a delivery to the recipients matching a condition",
            description = "Fills the send ledger and sends in the background.")
    @APIResponse(
            responseCode = "202",
            description = "Sending started: the first figures.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeliveryStats.class)))
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    @Path("{id: [0-9]+}/send")
    public Response send(
            @PathParam("id") long id,
            @RequestBody(required = false, description = "The condition; none: everyone.") CountRequest body) {
        DeliveryStats stats =
                deliveries.sendToCondition(id, Requests.conditionOrEveryone(body == null ? null : body.getCondition()));
        return Response.accepted(stats).build();
    }

    @Operation(operationId = "cancelDelivery", summary = "Stop a sending or paused delivery for good")
    @APIResponse(responseCode = "200", description = "The delivery, cancelled.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    @Path("{id: [0-9]+}/cancel")
    public DeliveryDto cancel(@PathParam("id") long id) {
        deliveries.cancel(id);
        return get(id);
    }

    @Operation(operationId = "pauseDelivery", summary = "Pause a sending delivery")
    @APIResponse(responseCode = "200", description = "The delivery, paused.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    @Path("{id: [0-9]+}/pause")
    public DeliveryDto pause(@PathParam("id") long id) {
        deliveries.pause(id);
        return get(id);
    }

    @Operation(operationId = "resumeDelivery", summary = "Resume a paused delivery")
    @APIResponse(responseCode = "200", description = "The delivery, sending again.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CrosscastApi.CONFLICT)
    @POST
    @Path("{id: [0-9]+}/resume")
    public DeliveryDto resume(@PathParam("id") long id) {
        deliveries.resume(id);
        return get(id);
    }

    @Operation(operationId = "getDeliveryStats", summary = "A delivery's figures")
    @APIResponse(responseCode = "200", description = "The figures.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}/stats")
    public DeliveryStats stats(@PathParam("id") long id) {
        deliveries.get(id);
        return deliveries.stats(id);
    }

    @Operation(
            operationId = "getDeliveryActors",
            summary = "A delivery's opens and clicks by people and by machines, with the classifier's reasons")
    @APIResponse(responseCode = "200", description = "The figures.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}/actors")
    public ActorFigures actors(@PathParam("id") long id) {
        deliveries.get(id);
        return classifier.figures(id);
    }

    /** The send ledger, by recipient id; {@code status} keeps only rows of that status. */
    @Operation(operationId = "getDeliveryLedger", summary = "One page of the send ledger, by recipient id")
    @APIResponse(responseCode = "200", description = "One page of the ledger.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @GET
    @Path("{id: [0-9]+}/ledger")
    public PageDto<LedgerEntry> ledger(
            @PathParam("id") long id,
            @Parameter(
                            description = "Keep only the rows of this status.",
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "PENDING",
                                                "SENT",
                                                "FAILED",
                                                "EXCLUDED",
                                                "DELIVERED",
                                                "UNDELIVERED"
                                            }))
                    @QueryParam("status")
                    String status,
            @Parameter(ref = CrosscastApi.FIRST) @QueryParam("first") String first,
            @Parameter(ref = CrosscastApi.PAGE_SIZE) @QueryParam("pageSize") String pageSize) {
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

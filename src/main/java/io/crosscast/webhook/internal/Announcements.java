package io.crosscast.webhook.internal;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientService;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryFinished;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.RecipientsQuarantined;
import io.crosscast.engine.RunStatus;
import io.crosscast.tracking.RecipientUnsubscribed;
import io.crosscast.webhook.WebhookEvent;
import io.crosscast.webhook.WebhookSending;
import io.crosscast.webhook.WebhookService;
import io.crosscast.workflow.RunEnded;
import io.crosscast.workflow.Workflow;
import io.crosscast.workflow.WorkflowService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * What the lower concepts announce, recorded as webhook events. Each observer is synchronous: the outbox rows are
 * written in the transaction of the fact (a run's new status, a delivery marked SENT, an opt-out), or on the JDBC
 * connection of the batch that quarantined recipients, so an event is kept exactly when its fact is. Once a JTA
 * transaction that recorded events commits, the sender is kicked on the default managed executor.
 */
@ApplicationScoped
public class Announcements {

    @EJB
    private WebhookService webhooks;

    @EJB
    private WebhookSending sending;

    @EJB
    private WorkflowService workflows;

    @EJB
    private DeliveryService deliveries;

    @EJB
    private RecipientService recipients;

    @Resource
    private ManagedExecutorService executor;

    void runEnded(@Observes RunEnded ended) {
        String name = workflows.find(ended.workflowId()).map(Workflow::getName).orElse(null);
        webhooks.announce(
                ended.status() == RunStatus.FINISHED ? WebhookEvent.RUN_FINISHED : WebhookEvent.RUN_FAILED,
                EventJson.run(
                        ended.runId(), ended.workflowId(), name, ended.status().name(), ended.at()));
    }

    void deliveryFinished(@Observes DeliveryFinished finished) {
        Delivery delivery = deliveries.get(finished.deliveryId());
        webhooks.announce(
                WebhookEvent.DELIVERY_FINISHED,
                EventJson.delivery(
                        delivery.getId(),
                        delivery.getLabel(),
                        delivery.getChannel().name(),
                        delivery.getCampaignId(),
                        delivery.getRunId(),
                        delivery.getFinishedAt() == null ? Instant.now() : delivery.getFinishedAt()));
    }

    void unsubscribed(@Observes RecipientUnsubscribed unsubscribed) {
        String email = recipients
                .find(unsubscribed.recipientId())
                .map(Recipient::getEmail)
                .orElse(null);
        webhooks.announce(
                WebhookEvent.RECIPIENT_UNSUBSCRIBED,
                EventJson.unsubscribed(
                        unsubscribed.recipientId(), email, unsubscribed.deliveryId(), unsubscribed.at()));
    }

    /** On the sending thread, before the batch commits: written on the batch's connection. */
    void quarantined(@Observes RecipientsQuarantined quarantined) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        Outbox.enqueue(
                quarantined.connection(),
                eventId,
                WebhookEvent.RECIPIENT_BOUNCED,
                EventJson.payload(
                        eventId,
                        WebhookEvent.RECIPIENT_BOUNCED,
                        quarantined.at(),
                        EventJson.bounced(
                                quarantined.deliveryId(),
                                quarantined.channel().name(),
                                quarantined.at(),
                                quarantined.recipients().stream()
                                        .map(q -> new EventJson.Bounce(q.recipientId(), q.reason()))
                                        .toList())),
                quarantined.at());
    }

    void kick(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookService.Announced announced) {
        executor.execute(sending::deliverDue);
    }
}

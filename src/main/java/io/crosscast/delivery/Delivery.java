package io.crosscast.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One message to many recipients: its content and sender, and where its sending stands. Who it goes to,
 * and what happened to each, is the send ledger ({@code delivery_message}), changed set-based by
 * {@link DeliveryService}, never loaded as a collection.
 */
@Entity
@Table(name = "delivery")
public class Delivery implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "label", nullable = false, length = 200)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 10)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private DeliveryStatus status;

    @Column(name = "sender_name", length = 200)
    private String senderName;

    @Column(name = "sender_address", length = 254)
    private String senderAddress;

    @Column(name = "reply_to", length = 254)
    private String replyTo;

    @Column(name = "subject", length = 998)
    private String subject;

    @Column(name = "html_body", length = 1_000_000)
    private String htmlBody;

    @Column(name = "text_body", length = 1_000_000)
    private String textBody;

    @Column(name = "run_id")
    private Long runId;

    @Column(name = "activity_id", length = 100)
    private String activityId;

    @Column(name = "template_id")
    private Long templateId;

    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Delivery() {}

    public Delivery(Channel channel, DeliveryContent content, Instant now) {
        this.channel = channel;
        this.status = DeliveryStatus.DRAFT;
        this.createdAt = now;
        apply(content, now);
    }

    /** A draft copy of {@code template}'s content, for sending it again. */
    public static Delivery copyOf(Delivery template, String label, Instant now) {
        Delivery copy = new Delivery(template.channel, template.content(), now);
        copy.label = label;
        copy.templateId = template.id;
        copy.campaignId = template.campaignId;
        return copy;
    }

    /** Replaces the content; only a draft may change (checked by the service). */
    public final void apply(DeliveryContent content, Instant now) {
        this.label = content.label() == null ? null : content.label().strip();
        this.senderName = blankToNull(content.senderName());
        this.senderAddress = blankToNull(content.senderAddress());
        this.replyTo = blankToNull(content.replyTo());
        this.subject = blankToNull(content.subject());
        this.htmlBody = blankToNull(content.htmlBody());
        this.textBody = blankToNull(content.textBody());
        this.updatedAt = now;
    }

    public DeliveryContent content() {
        return new DeliveryContent(label, senderName, senderAddress, replyTo, subject, htmlBody, textBody);
    }

    void startSending(Instant now) {
        this.status = DeliveryStatus.SENDING;
        this.startedAt = now;
        this.updatedAt = now;
    }

    /** SENDING to PAUSED and back (checked by the service). */
    void pauseOrResume(boolean pause, Instant now) {
        this.status = pause ? DeliveryStatus.PAUSED : DeliveryStatus.SENDING;
        this.updatedAt = now;
    }

    void finish(DeliveryStatus end, Instant now) {
        this.status = end;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    void sentBy(long run, String activity) {
        this.runId = run;
        this.activityId = activity;
    }

    /** Makes the delivery part of a campaign, or of none (null); checked by the service. */
    void attachTo(Long campaign, Instant now) {
        this.campaignId = campaign;
        this.updatedAt = now;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public Channel getChannel() {
        return channel;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public String getSenderName() {
        return senderName;
    }

    public String getSenderAddress() {
        return senderAddress;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getSubject() {
        return subject;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public String getTextBody() {
        return textBody;
    }

    public Long getRunId() {
        return runId;
    }

    public String getActivityId() {
        return activityId;
    }

    public Long getTemplateId() {
        return templateId;
    }

    /** The campaign the delivery is part of, or null. */
    public Long getCampaignId() {
        return campaignId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}

package io.crosscast.campaign;

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
import java.time.LocalDate;

/**
 * A marketing campaign: a label, dates and an owner; its deliveries point to it ({@code delivery.campaign_id}),
 * and its targeting is a workflow. Only a draft's properties change (checked by {@link CampaignService}).
 */
@Entity
@Table(name = "campaign")
public class Campaign implements java.io.Serializable {

    public static final int MAX_LABEL = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_OWNER = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "label", nullable = false, length = MAX_LABEL)
    private String label;

    @Column(name = "description", length = MAX_DESCRIPTION)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private CampaignStatus status;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "owner", length = MAX_OWNER)
    private String owner;

    @Column(name = "workflow_id")
    private Long workflowId;

    /** The diagram being drawn (a workflow document, maybe unfinished); null until first saved. */
    @Column(name = "diagram_json", length = 1_000_000)
    private String diagramJson;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Campaign() {}

    Campaign(CampaignContent content, Instant now) {
        this.status = CampaignStatus.DRAFT;
        this.createdAt = now;
        apply(content, now);
    }

    final void apply(CampaignContent content, Instant now) {
        this.label = CampaignContent.strip(content.label());
        this.description = CampaignContent.strip(content.description());
        this.startDate = content.startDate();
        this.endDate = content.endDate();
        this.owner = CampaignContent.strip(content.owner());
        this.updatedAt = now;
    }

    void moveTo(CampaignStatus target, Instant now) {
        this.status = target;
        this.updatedAt = now;
    }

    void useWorkflow(Long workflow, Instant now) {
        this.workflowId = workflow;
        this.updatedAt = now;
    }

    void drawDiagram(String json, Instant now) {
        this.diagramJson = json;
        this.updatedAt = now;
    }

    public String getDiagramJson() {
        return diagramJson;
    }

    public CampaignContent content() {
        return new CampaignContent(label, description, startDate, endDate, owner);
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public String getDescription() {
        return description;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getOwner() {
        return owner;
    }

    public Long getWorkflowId() {
        return workflowId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

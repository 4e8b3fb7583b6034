package io.crosscast.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One run of a workflow: the definition it started with, its status, and the engine's state (every
 * activity's phase, every transition's population and count) as JSON, changed under this row's lock.
 */
@Entity
@Table(name = "workflow_run")
public class WorkflowRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "workflow_id", nullable = false)
    private long workflowId;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "definition_json", nullable = false, length = 1_000_000)
    private String definitionJson;

    @Column(name = "state_json", nullable = false, length = 1_000_000)
    private String stateJson;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected WorkflowRun() {}

    WorkflowRun(long workflowId, String definitionJson) {
        this.workflowId = workflowId;
        this.definitionJson = definitionJson;
        this.startedAt = Instant.now();
        this.updatedAt = startedAt;
        this.status = "EDITED";
        this.stateJson = "{}";
    }

    /** The run's status and state after a step (the advancer and the service save them this way). */
    public void update(String newStatus, String newStateJson) {
        this.status = newStatus;
        this.stateJson = newStateJson;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public long getWorkflowId() {
        return workflowId;
    }

    public String getStatus() {
        return status;
    }

    public String getDefinitionJson() {
        return definitionJson;
    }

    public String getStateJson() {
        return stateJson;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

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

    @Column(name = "retry_activity", length = 100)
    private String retryActivity;

    @Column(name = "retry_attempts", nullable = false)
    private int retryAttempts;

    @Column(name = "populations_purged_at")
    private Instant populationsPurgedAt;

    @Column(name = "simulated", nullable = false)
    private boolean simulated;

    @Column(name = "simulation_json", length = 100_000)
    private String simulationJson;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected WorkflowRun() {}

    WorkflowRun(long workflowId, String definitionJson, Instant now) {
        this.workflowId = workflowId;
        this.definitionJson = definitionJson;
        this.startedAt = now;
        this.updatedAt = startedAt;
        this.status = "EDITED";
        this.stateJson = "{}";
    }

    /** A simulated run ("dry run") of the workflow, behaving as {@code simulationJson} says. */
    static WorkflowRun simulation(long workflowId, String definitionJson, Instant now, String simulationJson) {
        WorkflowRun run = new WorkflowRun(workflowId, definitionJson, now);
        run.simulated = true;
        run.simulationJson = simulationJson;
        return run;
    }

    /** Whether this is a simulation: it sends nothing and writes no list, ledger or tracking log. */
    public boolean isSimulated() {
        return simulated;
    }

    /** A simulation's settings (seed, rates) as JSON; null for a real run. */
    public String getSimulationJson() {
        return simulationJson;
    }

    /** The run's status and state after a step (the advancer and the service save them this way). */
    public void update(String newStatus, String newStateJson, Instant at) {
        this.status = newStatus;
        this.stateJson = newStateJson;
        this.updatedAt = at;
    }

    /** The activity being retried after transient failures, and how many attempts failed ({@code null, 0}: none). */
    public void retrying(String activityId, int failedAttempts) {
        this.retryActivity = activityId;
        this.retryAttempts = failedAttempts;
    }

    public String getRetryActivity() {
        return retryActivity;
    }

    public int getRetryAttempts() {
        return retryAttempts;
    }

    /** When the retention job purged this run's populations (its counts and log stay); null if it has not. */
    public Instant getPopulationsPurgedAt() {
        return populationsPurgedAt;
    }

    void populationsPurged(Instant at) {
        this.populationsPurgedAt = at;
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

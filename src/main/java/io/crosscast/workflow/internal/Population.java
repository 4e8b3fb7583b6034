package io.crosscast.workflow.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A population's header row; its members are rows of {@code population_member}, written in SQL. */
@Entity
@Table(name = "population")
public class Population {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Population() {}

    Population(long runId) {
        this.runId = runId;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }
}

package io.crosscast.list;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;

/**
 * A named set of recipients. Its members live in {@code list_member} and are changed set-based by
 * {@link ListService}, never loaded as a collection.
 */
@Entity
@Table(name = "recipient_list")
public class RecipientList {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 200)
    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "name_key", nullable = false, length = 200)
    private String nameKey;

    @Size(max = 1000)
    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RecipientList() {}

    public RecipientList(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** The name as compared for uniqueness: trimmed, case-insensitive. */
    public static String keyOf(String name) {
        return name == null ? null : name.trim().toLowerCase(Locale.ROOT);
    }

    @PrePersist
    void beforeInsert() {
        createdAt = Instant.now();
        beforeUpdate();
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = Instant.now();
        name = name == null ? null : name.trim();
        nameKey = keyOf(name);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}

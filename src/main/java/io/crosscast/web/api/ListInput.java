package io.crosscast.web.api;

/**
 * The body of {@code POST /api/lists} and {@code PUT /api/lists/{id}}: {@code {"name": ..., "description": ...}}.
 * A PUT replaces both: a description left out is cleared.
 */
public class ListInput {

    private String name;
    private String description;

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
}

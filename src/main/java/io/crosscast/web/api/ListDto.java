package io.crosscast.web.api;

import io.crosscast.list.ListSummary;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A list as the API shows it, with its member count; a missing description is written as {@code null}. */
@JsonbNillable
@JsonbPropertyOrder({"id", "name", "description", "members"})
public record ListDto(long id, String name, String description, long members) {

    public static ListDto of(ListSummary summary) {
        return new ListDto(summary.id(), summary.name(), summary.description(), summary.members());
    }
}

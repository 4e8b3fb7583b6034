package io.crosscast.web.api;

import java.util.List;

/** Every list with its member count, by name: {@code {"items": [...]}}. */
public record ListsDto(List<ListDto> items) {}

package io.crosscast.web.api;

/** How many recipients left a list: {@code {"removed": 2}}. */
public record RemovedDto(int removed) {}

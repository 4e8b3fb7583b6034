package io.crosscast.web.api;

/** How many recipients match: {@code {"count": 42}}. */
public record CountDto(long count) {}

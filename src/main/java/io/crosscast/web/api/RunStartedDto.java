package io.crosscast.web.api;

/** The answer of {@code POST /api/workflows/{id}/runs}: {@code {"runId": 12}}. */
public record RunStartedDto(long runId) {}

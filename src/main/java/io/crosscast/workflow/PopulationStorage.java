package io.crosscast.workflow;

import java.time.Instant;

/**
 * The space the populations of runs take: header rows, member rows, bytes on disk when the database tells
 * (PostgreSQL: tables and indexes; null on H2), when the retention job runs next (null if not scheduled) and how
 * many days the populations of an ended run are kept.
 */
public record PopulationStorage(long populations, long members, Long bytes, Instant nextPurge, long retentionDays) {}

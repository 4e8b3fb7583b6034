package io.crosscast.admin;

import io.crosscast.scheduling.SchedulerStatus;

/** What the administration page shows about the running server. */
public record SystemStatus(
        String database, String schemaVersion, SchedulerStatus scheduler, String smtpServer, String javaVersion) {}

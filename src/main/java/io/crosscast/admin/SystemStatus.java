package io.crosscast.admin;

import io.crosscast.scheduling.SchedulerStatus;
import io.crosscast.workflow.PopulationStorage;

/** What the administration page shows about the running server. */
public record SystemStatus(
        String database,
        String schemaVersion,
        SchedulerStatus scheduler,
        String smtpServer,
        String javaVersion,
        PopulationStorage populations) {}

package io.crosscast.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The application's MicroProfile Health checks, thin adapters of {@link HealthService}: readiness
 * {@code crosscast-database}, {@code crosscast-scheduler}, {@code crosscast-accepting-work}; liveness
 * {@code crosscast-live}. The server adds its own (deployments started, no boot error, server running). A check
 * that throws is reported DOWN by the platform.
 */
@ApplicationScoped
public class ReadinessChecks {

    @EJB
    private HealthService health;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> response("crosscast-database", health.database());
    }

    @Produces
    @Readiness
    HealthCheck scheduler() {
        return () -> response("crosscast-scheduler", health.scheduler());
    }

    @Produces
    @Readiness
    HealthCheck acceptingWork() {
        return () -> response("crosscast-accepting-work", health.acceptingWork());
    }

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> response("crosscast-live", health.alive());
    }

    static HealthCheckResponse response(String name, HealthState state) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name).status(state.up());
        state.data().forEach(builder::withData);
        return builder.build();
    }
}

package io.crosscast.web.tracking;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The public tracking endpoints at {@code /crosscast/t}: the only unauthenticated paths of the
 * application besides static resources (see web.xml). Lists its one resource, so nothing of the
 * authenticated REST API is ever served here.
 */
@ApplicationPath("/t")
public class TrackingApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TrackingResource.class);
    }
}

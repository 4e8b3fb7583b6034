package io.crosscast.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API, at {@code /crosscast/api}: recipients ({@link RecipientResource}), lists
 * ({@link ListResource}), workflows ({@link WorkflowResource}) and their runs ({@link RunResource}), JSON in
 * and out, documented in {@code docs/API.md}.
 *
 * <p>Resources are thin adapters: each method reads its request, calls one service method and maps the
 * result. Errors are answered in JSON by the exception mappers of this package ({@link ApiErrors});
 * authentication is {@link ApiAuthenticationFilter}'s. Classes are found by scanning the WAR.
 */
@ApplicationPath("/api")
public class CrosscastApi extends Application {
}

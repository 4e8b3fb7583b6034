package io.crosscast.web.api;

import io.crosscast.apitoken.TokenCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.auth.server.ServerAuthenticationContext;
import org.wildfly.security.authz.Roles;

/**
 * The sign-in of a request that presented a valid API token, in Elytron's terms: the token's owner, looked up
 * in the deployment's security domain (so a user removed from the realm loses their tokens), authorised
 * without a password (the token stood for it), with the token's role as its only role (and only if the owner
 * still holds it). {@link ApiAuthenticationFilter} runs the rest of the request as that identity, so EJBs see
 * the owner as the caller and check roles against the token's role; {@link #request} shows the same
 * principal and role to the servlet and JAX-RS layers.
 */
final class TokenSignIn {

    private static final Logger LOG = Logger.getLogger(TokenSignIn.class.getName());

    private TokenSignIn() {}

    /** The identity of {@code caller} in the current security domain; empty if its owner cannot sign in. */
    static Optional<SecurityIdentity> identity(TokenCaller caller) {
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            LOG.warning("REST API: no Elytron security domain for this deployment, API tokens cannot sign in");
            return Optional.empty();
        }
        try (ServerAuthenticationContext context = domain.createNewAuthenticationContext()) {
            context.setAuthenticationName(caller.owner());
            if (!context.exists() || !context.authorize()) {
                return Optional.empty();
            }
            String role = caller.role();
            SecurityIdentity identity = context.getAuthorizedIdentity()
                    .withDefaultRoleMapper(held -> held.contains(role) ? Roles.of(role) : Roles.NONE);
            return Optional.of(identity);
        } catch (RealmUnavailableException | RuntimeException e) {
            LOG.log(Level.WARNING, "REST API: the owner of an API token could not be signed in", e);
            return Optional.empty();
        }
    }

    /** {@code request} as signed in by {@code identity}: its principal, its roles, authentication "Bearer". */
    static HttpServletRequest request(HttpServletRequest request, SecurityIdentity identity) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return identity.getPrincipal();
            }

            @Override
            public String getRemoteUser() {
                return identity.getPrincipal().getName();
            }

            @Override
            public boolean isUserInRole(String role) {
                return identity.getRoles().contains(role);
            }

            @Override
            public String getAuthType() {
                return "Bearer";
            }
        };
    }
}

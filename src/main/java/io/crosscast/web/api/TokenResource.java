package io.crosscast.web.api;

import io.crosscast.apitoken.ApiTokenService;
import io.crosscast.apitoken.CreatedToken;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * {@code /api/tokens}: the caller's API tokens (an administrator's: everyone's), made with a role the caller
 * holds and revoked. The token itself is in the answer to its creation only.
 */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    @EJB
    private ApiTokenService tokens;

    @Context
    private UriInfo uri;

    @GET
    public TokensDto visible() {
        return new TokensDto(
                tokens.visible().stream().map(t -> TokenDto.of(t, null)).toList());
    }

    @POST
    public Response create(TokenInput input) {
        TokenInput body = Requests.required(input);
        CreatedToken created = tokens.create(body.getName(), body.getRole(), body.getExpiresInDays());
        URI location = uri.getAbsolutePathBuilder()
                .path(String.valueOf(created.summary().id()))
                .build();
        return Response.created(location)
                .entity(TokenDto.of(created.summary(), created.token()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Path("{id: [0-9]+}")
    public TokenDto revoke(@PathParam("id") long id) {
        return TokenDto.of(tokens.revoke(id), null);
    }
}

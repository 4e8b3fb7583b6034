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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/tokens}: the caller's API tokens (an administrator's: everyone's), made with a role the caller
 * holds and revoked. The token itself is in the answer to its creation only.
 */
@Tag(name = "Tokens")
@APIResponse(responseCode = "401", ref = CrosscastApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = CrosscastApi.FORBIDDEN)
@APIResponse(responseCode = "500", ref = CrosscastApi.SERVER_ERROR)
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    @EJB
    private ApiTokenService tokens;

    @Context
    private UriInfo uri;

    @Operation(
            operationId = "getTokens",
            summary = "The caller's API tokens (an administrator's: everyone's)",
            description = "Without their secrets.")
    @APIResponse(responseCode = "200", description = "The tokens.")
    @GET
    public TokensDto visible() {
        return new TokensDto(
                tokens.visible().stream().map(t -> TokenDto.of(t, null)).toList());
    }

    @Operation(
            operationId = "createToken",
            summary = "Make a token",
            description = "The answer holds the token itself, the only time it is shown.")
    @APIResponse(
            responseCode = "201",
            description = "The token, made.",
            headers = @Header(name = CrosscastApi.LOCATION, ref = CrosscastApi.LOCATION),
            content = @Content(schema = @Schema(implementation = TokenDto.class)))
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
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

    @Operation(operationId = "revokeToken", summary = "Revoke a token", description = "It stops working at once.")
    @APIResponse(responseCode = "200", description = "The token, revoked.")
    @APIResponse(responseCode = "404", ref = CrosscastApi.NOT_FOUND)
    @DELETE
    @Path("{id: [0-9]+}")
    public TokenDto revoke(@PathParam("id") long id) {
        return TokenDto.of(tokens.revoke(id), null);
    }
}

package io.crosscast.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API, at {@code /crosscast/api}: recipients ({@link RecipientResource}), lists
 * ({@link ListResource}), workflows ({@link WorkflowResource}) and their runs ({@link RunResource}), JSON in
 * and out, documented in {@code docs/API.md}.
 *
 * <p>Resources are thin adapters: each method reads its request, calls one service method and maps the
 * result. Errors are answered in JSON by the exception mappers of this package ({@link ApiErrors});
 * authentication is {@link ApiAuthenticationFilter}'s. Its classes are listed here rather than found by
 * scanning, so the public tracking application ({@code io.crosscast.web.tracking}) and this one never
 * serve each other's resources; a unit test checks that every resource and provider of this package is
 * listed.
 *
 * <p>The server generates the API's OpenAPI document from these classes (wildfly-config/openapi.cli, served
 * at {@code /openapi}; a copy is {@code docs/openapi.yaml}). The annotations below say what the defaults
 * cannot: the document's title, the Basic security scheme, the tags, and the error answers (an
 * {@link ApiError}) and paging parameters the resources refer to by name.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Crosscast REST API",
                        version = "1",
                        description = "Recipients, lists, imports, workflows and their runs, and deliveries, as"
                                + " JSON. Conventions, conditions, error codes and examples: docs/API.md."),
        security = {@SecurityRequirement(name = CrosscastApi.BASIC), @SecurityRequirement(name = CrosscastApi.BEARER)},
        tags = {
            @Tag(name = "Recipients", description = "Read, create, change, delete, search and count recipients."),
            @Tag(name = "Lists", description = "Lists and their members."),
            @Tag(name = "Imports", description = "Import recipients from a CSV file."),
            @Tag(name = "Workflows", description = "Workflow documents (docs/WORKFLOW-FORMAT.md); start a run."),
            @Tag(name = "Runs", description = "A workflow's runs: status, lifecycle, the recipients of a transition."),
            @Tag(name = "Deliveries", description = "Email and SMS deliveries: content, sending, figures, ledger."),
            @Tag(name = "Tokens", description = "API tokens for scripts: made, listed, revoked."),
            @Tag(name = "Webhooks", description = "Subscriptions to events, signed and retried; their delivery logs.")
        },
        components =
                @Components(
                        responses = {
                            @APIResponse(
                                    name = CrosscastApi.BAD_REQUEST,
                                    responseCode = "400",
                                    description = "A value, the body or a parameter is refused: the error's code and"
                                            + " field say which, problems list every one (docs/API.md, Errors).",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiError.class))),
                            @APIResponse(
                                    name = CrosscastApi.UNAUTHORIZED,
                                    responseCode = "401",
                                    description = "No credentials, or wrong ones (codes auth.required, auth.malformed,"
                                            + " auth.failed).",
                                    headers =
                                            @Header(
                                                    name = "WWW-Authenticate",
                                                    description = "Basic realm=\"Crosscast\", charset=\"UTF-8\"",
                                                    schema = @Schema(type = SchemaType.STRING)),
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiError.class))),
                            @APIResponse(
                                    name = CrosscastApi.FORBIDDEN,
                                    responseCode = "403",
                                    description = "A user without role marketer or admin, or a change sent by another"
                                            + " site (codes auth.forbidden, auth.crossSite,"
                                            + " auth.sessionHeaderRequired).",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiError.class))),
                            @APIResponse(
                                    name = CrosscastApi.NOT_FOUND,
                                    responseCode = "404",
                                    description = "No such resource (codes recipient.notFound, list.notFound,"
                                            + " workflow.notFound, delivery.notFound).",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiError.class))),
                            @APIResponse(
                                    name = CrosscastApi.CONFLICT,
                                    responseCode = "409",
                                    description = "The resource's state or another one forbids it (codes"
                                            + " recipient.emailTaken, list.nameTaken, concurrentChange,"
                                            + " workflow.conflict, delivery.conflict).",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiError.class))),
                            @APIResponse(
                                    name = CrosscastApi.SERVER_ERROR,
                                    responseCode = "500",
                                    description = "A bug (code server.error); the server log says more.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiError.class)))
                        },
                        headers = {
                            @Header(
                                    name = CrosscastApi.LOCATION,
                                    description = "The new resource's URL.",
                                    schema = @Schema(type = SchemaType.STRING, format = "uri"))
                        },
                        parameters = {
                            @Parameter(
                                    name = CrosscastApi.FIRST,
                                    in = ParameterIn.QUERY,
                                    description = "Index of the first item, from 0.",
                                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0")),
                            @Parameter(
                                    name = CrosscastApi.PAGE_SIZE,
                                    in = ParameterIn.QUERY,
                                    description = "Items per page: 50 by default, at most 500 (a larger size is"
                                            + " lowered; the answer gives the size used).",
                                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                        }))
@SecurityScheme(
        securitySchemeName = CrosscastApi.BASIC,
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "The user name and password of the sign-in page; the user needs role marketer or admin.")
@SecurityScheme(
        securitySchemeName = CrosscastApi.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API token (page API tokens or POST /api/tokens): acts as its owner with the token's role.")
@ApplicationPath("/api")
public class CrosscastApi extends Application {

    /** The names the resources' OpenAPI annotations refer to. */
    static final String BASIC = "basic";

    static final String BEARER = "bearer";

    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";
    static final String CONFLICT = "Conflict";
    static final String SERVER_ERROR = "ServerError";
    static final String LOCATION = "Location";
    static final String FIRST = "first";
    static final String PAGE_SIZE = "pageSize";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                RecipientResource.class,
                ListResource.class,
                ImportResource.class,
                WorkflowResource.class,
                RunResource.class,
                DeliveryResource.class,
                TokenResource.class,
                WebhookResource.class,
                RequestBodyInterceptor.class,
                ResponseBodyInterceptor.class,
                ApiExceptionMapper.class,
                AudienceExceptionMapper.class,
                ConstraintViolationExceptionMapper.class,
                EjbExceptionMapper.class,
                InvalidConditionExceptionMapper.class,
                JsonExceptionMapper.class,
                JsonbExceptionMapper.class,
                ListExceptionMapper.class,
                ProcessingExceptionMapper.class,
                ThrowableMapper.class,
                WebApplicationExceptionMapper.class,
                WebhookExceptionMapper.class,
                WorkflowExceptionMapper.class,
                DeliveryExceptionMapper.class,
                ApiTokenExceptionMapper.class);
    }
}

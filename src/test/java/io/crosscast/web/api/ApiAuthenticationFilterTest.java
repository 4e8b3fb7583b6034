package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filter against stand-ins of the container: a realm of two users and a request that remembers. */
class ApiAuthenticationFilterTest {

    private final ApiAuthenticationFilter filter = new ApiAuthenticationFilter();
    private final FakeResponse response = new FakeResponse();
    private boolean chainCalled;
    private final FilterChain chain = (request, response) -> chainCalled = true;

    @Test
    void noCredentialsIsA401InJsonWithABasicChallenge() throws Exception {
        FakeRequest request = new FakeRequest(null);

        filter.doFilter(request.proxy(), response.proxy(), chain);

        assertFalse(chainCalled);
        assertEquals(401, response.status);
        assertEquals("Basic realm=\"Crosscast\", charset=\"UTF-8\"", response.headers.get("WWW-Authenticate"));
        assertEquals("application/json", response.contentType);
        JsonObject body = ApiErrorTest.parse(response.body.toString());
        assertEquals(401, body.getInt("status"));
        assertEquals("Unauthorized", body.getString("error"));
        assertEquals("auth.required", body.getString("code"));
    }

    @Test
    void aWrongPasswordIsA401() throws Exception {
        FakeRequest request = new FakeRequest("Basic " + BasicCredentialsTest.encode("marketer:wrong"));

        filter.doFilter(request.proxy(), response.proxy(), chain);

        assertFalse(chainCalled);
        assertEquals(401, response.status);
        assertEquals("auth.failed", ApiErrorTest.parse(response.body.toString()).getString("code"));
        assertTrue(response.headers.containsKey("WWW-Authenticate"));
    }

    @Test
    void anotherSchemeOrABrokenHeaderIsA401() throws Exception {
        filter.doFilter(new FakeRequest("Digest username=\"marketer\"").proxy(), response.proxy(), chain);
        assertEquals(401, response.status);
        assertEquals(
                "auth.required", ApiErrorTest.parse(response.body.toString()).getString("code"));

        FakeResponse second = new FakeResponse();
        filter.doFilter(new FakeRequest("Basic ???").proxy(), second.proxy(), chain);
        assertEquals(401, second.status);
        assertEquals(
                "auth.malformed", ApiErrorTest.parse(second.body.toString()).getString("code"));
        assertFalse(chainCalled);
    }

    @Test
    void aBearerHeaderThatIsNoTokenIsA401WithABearerChallenge() throws Exception {
        // refused before any lookup: the filter's token service is not even there in this test
        filter.doFilter(new FakeRequest("Bearer abc.def.ghi").proxy(), response.proxy(), chain);

        assertFalse(chainCalled);
        assertEquals(401, response.status);
        assertEquals("Bearer realm=\"Crosscast\", error=\"invalid_token\"", response.headers.get("WWW-Authenticate"));
        JsonObject body = ApiErrorTest.parse(response.body.toString());
        assertEquals("auth.tokenInvalid", body.getString("code"));
        assertFalse(response.body.toString().contains("abc.def.ghi"), "the token is not repeated");
    }

    @Test
    void theBearerSchemeIsReadWhateverItsCase() {
        assertEquals(Optional.of("cc_x"), ApiAuthenticationFilter.bearerToken("Bearer cc_x"));
        assertEquals(Optional.of("cc_x"), ApiAuthenticationFilter.bearerToken("bearer  cc_x "));
        assertEquals(Optional.of(""), ApiAuthenticationFilter.bearerToken("BEARER "));
        assertEquals(Optional.empty(), ApiAuthenticationFilter.bearerToken("Basic bWFya2V0ZXI6bWFya2V0ZXI="));
        assertEquals(Optional.empty(), ApiAuthenticationFilter.bearerToken("Bearer"));
        assertEquals(Optional.empty(), ApiAuthenticationFilter.bearerToken(null));
    }

    @Test
    void aMarketerGoesThroughForThisRequestOnly() throws Exception {
        FakeRequest request = new FakeRequest("Basic " + BasicCredentialsTest.encode("marketer:marketer"));

        filter.doFilter(request.proxy(), response.proxy(), chain);

        assertTrue(chainCalled);
        assertEquals(0, response.status, "the filter leaves the answer to the API");
        assertEquals(1, request.logouts, "signed out after the request");
        assertNull(request.user);
    }

    @Test
    void aUserWithoutAnApiRoleIsA403() throws Exception {
        FakeRequest request = new FakeRequest("Basic " + BasicCredentialsTest.encode("auditor:auditor"));

        filter.doFilter(request.proxy(), response.proxy(), chain);

        assertFalse(chainCalled);
        assertEquals(403, response.status);
        assertFalse(response.headers.containsKey("WWW-Authenticate"));
        assertEquals(
                "auth.forbidden", ApiErrorTest.parse(response.body.toString()).getString("code"));
        assertEquals(1, request.logouts);
    }

    @Test
    void aCallerTheContainerAlreadyKnowsIsKeptAndNotSignedOut() throws Exception {
        FakeRequest request = new FakeRequest(null);
        request.user = "admin";

        filter.doFilter(request.proxy(), response.proxy(), chain);

        assertTrue(chainCalled);
        assertEquals(0, request.logins);
        assertEquals(0, request.logouts);
    }

    @Test
    void aChangeSignedInByTheSessionWithoutTheHeaderFormsCannotSendIsA403() throws Exception {
        FakeRequest request = new FakeRequest(null);
        request.user = "marketer";
        request.httpMethod = "POST";

        filter.doFilter(request.proxy(), response.proxy(), chain);

        assertFalse(chainCalled);
        assertEquals(403, response.status);
        assertEquals(
                "auth.sessionHeaderRequired",
                ApiErrorTest.parse(response.body.toString()).getString("code"));
        assertEquals(0, request.logouts, "the session stays signed in");
    }

    @Test
    void aChangeOfAnotherSiteIsA403EvenWithBasicCredentials() throws Exception {
        FakeRequest request = new FakeRequest("Basic " + BasicCredentialsTest.encode("marketer:marketer"));
        request.httpMethod = "DELETE";
        request.headers.put("origin", "https://evil.example");
        request.headers.put("host", "crosscast.example.com");

        filter.doFilter(request.proxy(), response.proxy(), chain);

        assertFalse(chainCalled);
        assertEquals(403, response.status);
        assertEquals(
                "auth.crossSite", ApiErrorTest.parse(response.body.toString()).getString("code"));
        assertEquals(1, request.logouts, "signed out after the refusal");
    }

    @Test
    void aChangeSignedInByTheSessionFromItsOwnPageGoesThrough() throws Exception {
        FakeRequest request = new FakeRequest(null);
        request.user = "marketer";
        request.httpMethod = "POST";
        request.headers.put("origin", "https://crosscast.example.com");
        request.headers.put("host", "crosscast.example.com");
        request.headers.put("x-requested-with", "XMLHttpRequest");

        filter.doFilter(request.proxy(), response.proxy(), chain);

        assertTrue(chainCalled);
    }

    /** A request in a realm of marketer, admin and auditor (a user without an API role). */
    private static final class FakeRequest {

        private static final Map<String, String> PASSWORDS =
                Map.of("marketer", "marketer", "admin", "admin", "auditor", "auditor");
        private static final Map<String, Set<String>> ROLES = Map.of(
                "marketer", Set.of("marketer"), "admin", Set.of("admin", "marketer"), "auditor", Set.of("auditor"));

        private final String authorization;
        private final Map<String, String> headers = new HashMap<>();
        private String httpMethod = "GET";
        private String user;
        private int logins;
        private int logouts;

        FakeRequest(String authorization) {
            this.authorization = authorization;
        }

        HttpServletRequest proxy() {
            return (HttpServletRequest) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getUserPrincipal" -> user == null ? null : (Principal) () -> user;
                        case "getHeader" ->
                            "Authorization".equalsIgnoreCase((String) args[0])
                                    ? authorization
                                    : headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                        case "getMethod" -> httpMethod;
                        case "getRequestURI" -> "/crosscast/api/lists";
                        case "isUserInRole" -> user != null && ROLES.get(user).contains((String) args[0]);
                        case "login" -> {
                            logins++;
                            if (!((String) args[1]).equals(PASSWORDS.get((String) args[0]))) {
                                throw new ServletException("Login failed");
                            }
                            user = (String) args[0];
                            yield null;
                        }
                        case "logout" -> {
                            logouts++;
                            user = null;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static final class FakeResponse {

        private int status;
        private String contentType;
        private final Map<String, String> headers = new HashMap<>();
        private final StringWriter body = new StringWriter();

        HttpServletResponse proxy() {
            PrintWriter writer = new PrintWriter(body);
            return (HttpServletResponse) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "setCharacterEncoding" -> null;
                        case "getWriter" -> writer;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}

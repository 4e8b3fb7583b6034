package io.crosscast.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.apitoken.ApiTokenService;
import io.crosscast.apitoken.TokenSecrets;
import io.crosscast.it.api.ApiClient.Reply;
import io.crosscast.it.support.Deployments;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.MalformedURLException;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An API token's life: made with Basic, used as {@code Authorization: Bearer} with its role only, listed
 * without its secret, revoked (401), expired (401). The expired token and the last-use check are written
 * in the server (order 1), and used over HTTP from outside (order 2).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiTokenIT {

    /** Tokens this test puts straight into the table (a token's hash is all the server needs). */
    private static final String EXPIRED = "cc_ExpiredTokenOfApiTokenIT" + "x".repeat(19);

    private static final String OFTEN_USED = "cc_OftenUsedTokenOfApiTokenIT" + "y".repeat(17);

    @EJB
    private ApiTokenService tokens;

    @Resource(lookup = "java:jboss/datasources/CrosscastDS")
    private DataSource database;

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    // ---- in the server ----

    @Test
    @Order(1)
    void anExpiredTokenNoLongerSignsIn() throws SQLException {
        assertTrue(TokenSecrets.wellFormed(EXPIRED));
        Instant now = Instant.now();
        insert("expired one", EXPIRED, now.minus(Duration.ofDays(2)), now.minusSeconds(1));

        assertTrue(tokens.authenticate(EXPIRED).isEmpty());
    }

    @Test
    @Order(1)
    void aTokensLastUseIsWrittenAtMostOnceAMinute() throws SQLException {
        Instant now = Instant.now();
        insert("often used", OFTEN_USED, now, now.plus(Duration.ofDays(1)));

        assertEquals("marketer", tokens.authenticate(OFTEN_USED).orElseThrow().owner());
        Instant first = lastUsed(OFTEN_USED);
        assertNotNull(first, "the first use is written");
        tokens.authenticate(OFTEN_USED);
        assertEquals(first, lastUsed(OFTEN_USED), "a use within the minute writes nothing");

        Instant twoMinutesAgo = first.minus(Duration.ofMinutes(2));
        update("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?", twoMinutesAgo, OFTEN_USED);
        tokens.authenticate(OFTEN_USED);
        assertTrue(lastUsed(OFTEN_USED).isAfter(twoMinutesAgo), "a use a minute later is written");
    }

    private void insert(String name, String token, Instant createdAt, Instant expiresAt) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO api_token (name, owner, role, token_hash, token_hint, created_at, expires_at)"
                                + " VALUES (?, 'marketer', 'marketer', ?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, TokenSecrets.hash(token));
            insert.setString(3, TokenSecrets.hint(token));
            insert.setTimestamp(4, Timestamp.from(createdAt));
            insert.setTimestamp(5, Timestamp.from(expiresAt));
            insert.executeUpdate();
        }
    }

    private void update(String sql, Instant at, String token) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, TokenSecrets.hash(token));
            assertEquals(1, update.executeUpdate());
        }
    }

    private Instant lastUsed(String token) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT last_used_at FROM api_token WHERE token_hash = ?")) {
            select.setString(1, TokenSecrets.hash(token));
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                Timestamp at = row.getTimestamp(1);
                return at == null ? null : at.toInstant();
            }
        }
    }

    // ---- over HTTP ----

    @Test
    @Order(2)
    @RunAsClient
    void anExpiredTokenIsA401() {
        assertInvalidToken(bearer(EXPIRED).get("lists"));
    }

    @Test
    @Order(2)
    @RunAsClient
    void aTokenIsMadeUsedListedAndRevoked() {
        ApiClient marketer = ApiClient.as(base(), "marketer", "marketer");
        String name = "nightly export " + UUID.randomUUID();

        Reply created = marketer.post("tokens", token(name, "marketer", 30));

        assertEquals(201, created.status(), created::toString);
        assertEquals("no-store", created.header("Cache-Control"));
        JsonObject body = created.json();
        String secret = body.getString("token");
        assertTrue(TokenSecrets.wellFormed(secret), secret);
        assertEquals(name, body.getString("name"));
        assertEquals("marketer", body.getString("owner"));
        assertEquals("marketer", body.getString("role"));
        assertEquals("ACTIVE", body.getString("status"));
        assertEquals(secret.substring(0, 7), body.getString("hint"));
        Duration life = Duration.between(
                Instant.parse(body.getString("createdAt")), Instant.parse(body.getString("expiresAt")));
        assertEquals(Duration.ofDays(30), life);
        long id = body.getJsonNumber("id").longValue();
        assertTrue(created.header("Location").endsWith("/api/tokens/" + id), created.header("Location"));

        Reply used = bearer(secret).get("lists");
        assertEquals(200, used.status(), used::toString);
        assertNotNull(used.json().getJsonArray("items"));

        JsonObject listed = find(marketer.get("tokens"), id);
        assertEquals(JsonValue.NULL, listed.get("token"), "the secret is shown once");
        assertNotEquals(JsonValue.NULL, listed.get("lastUsedAt"), "its use is noted");
        assertFalse(marketer.get("tokens").body().contains(secret.substring(7)));

        Reply revoked = marketer.delete("tokens/" + id);
        assertEquals(200, revoked.status(), revoked::toString);
        assertEquals("REVOKED", revoked.json().getString("status"));
        assertNotEquals(JsonValue.NULL, revoked.json().get("revokedAt"));

        assertInvalidToken(bearer(secret).get("lists"));
        assertEquals("REVOKED", find(marketer.get("tokens"), id).getString("status"));
    }

    @Test
    @Order(2)
    @RunAsClient
    void aTokenCarriesItsRoleOnlyAndItsOwner() {
        ApiClient admin = ApiClient.as(base(), "admin", "admin");
        String marketerToken = secretOf(admin.post("tokens", token("admin as marketer", "marketer", 1)));
        String adminToken = secretOf(admin.post("tokens", token("admin as admin", "admin", 1)));
        long othersToken = ApiClient.as(base(), "marketer", "marketer")
                .post("tokens", token("the marketer's", "marketer", 1))
                .json()
                .getJsonNumber("id")
                .longValue();

        // The admin's marketer token is refused what needs admin: an admin token (checked by the EJB against
        // the caller's roles), and everyone's tokens (it sees its owner's only).
        Reply refused = bearer(marketerToken).post("tokens", token("escalated", "admin", 1));
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("apiToken.roleNotHeld", refused.json().getString("code"));
        assertTrue(owners(bearer(marketerToken).get("tokens")).stream().allMatch("admin"::equals));
        // What it makes is the owner's (the EJB's caller is the token's owner)
        Reply made = bearer(marketerToken).post("tokens", token("made with a token", "marketer", 1));
        assertEquals(201, made.status(), made::toString);
        assertEquals("admin", made.json().getString("owner"));
        // it may not revoke another user's token
        assertEquals(404, bearer(marketerToken).delete("tokens/" + othersToken).status());

        // The admin token may do both.
        Reply escalated = bearer(adminToken).post("tokens", token("admin by token", "admin", 1));
        assertEquals(201, escalated.status(), escalated::toString);
        assertTrue(owners(bearer(adminToken).get("tokens")).contains("marketer"), "an administrator sees all");
        assertEquals(200, bearer(adminToken).delete("tokens/" + othersToken).status());
    }

    @Test
    @Order(2)
    @RunAsClient
    void aMarketerMayNotMakeAnAdminTokenNorRevokeAnothersToken() {
        ApiClient marketer = ApiClient.as(base(), "marketer", "marketer");
        Reply refused = marketer.post("tokens", token("wish", "admin", 1));
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("apiToken.roleNotHeld", refused.json().getString("code"));

        long adminsToken = ApiClient.as(base(), "admin", "admin")
                .post("tokens", token("admin's", "admin", 1))
                .json()
                .getJsonNumber("id")
                .longValue();
        Reply notFound = marketer.delete("tokens/" + adminsToken);
        assertEquals(404, notFound.status(), notFound::toString);
        assertEquals("apiToken.notFound", notFound.json().getString("code"));
        assertFalse(owners(marketer.get("tokens")).contains("admin"), "a marketer sees their own tokens only");
    }

    @Test
    @Order(2)
    @RunAsClient
    void unknownOrMalformedTokensAre401() {
        assertInvalidToken(bearer(TokenSecrets.generate()).get("lists"));
        assertInvalidToken(bearer("abc.def.ghi").get("lists"));
        assertInvalidToken(bearer("cc_short").get("recipients/1"));
    }

    @Test
    @Order(2)
    @RunAsClient
    void aTokenOnAChangeFromAnotherSiteIsRefused() {
        String secret = secretOf(
                ApiClient.as(base(), "marketer", "marketer").post("tokens", token("cross-site", "marketer", 1)));

        Reply reply = bearer(secret)
                .send(
                        "POST",
                        "lists",
                        "application/json",
                        "{\"name\":\"evil\"}",
                        null,
                        null,
                        Map.of("Origin", "https://evil.example"));

        assertEquals(403, reply.status(), reply::toString);
        assertEquals("auth.crossSite", reply.json().getString("code"));
    }

    @Test
    @Order(2)
    @RunAsClient
    void aTokenRequestIsCheckedLikeAnyBody() {
        ApiClient marketer = ApiClient.as(base(), "marketer", "marketer");

        assertProblem(marketer.post("tokens", token(" ", "marketer", 1)), "apiToken.nameRequired");
        assertProblem(marketer.post("tokens", token("n", "marketer", 0)), "apiToken.expiryRange");
        assertProblem(marketer.post("tokens", token("n", "marketer", 366)), "apiToken.expiryRange");
        assertProblem(
                marketer.post(
                        "tokens",
                        Json.createObjectBuilder()
                                .add("name", "n")
                                .add("role", "marketer")
                                .build()),
                "apiToken.expiryRequired");
        assertProblem(marketer.post("tokens", token("n", "root", 1)), "apiToken.roleUnknown");
        assertProblem(
                marketer.post(
                        "tokens",
                        Json.createObjectBuilder()
                                .add("name", "n")
                                .add("role", "marketer")
                                .add("expiresInDays", "30")
                                .build()),
                "request.invalidJson");
    }

    private static URL base() {
        try {
            return new URL("http://localhost:" + (8080 + Integer.getInteger("it.port.offset", 100)) + "/crosscast/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiClient bearer(String token) {
        return ApiClient.withAuthorization(base(), "Bearer " + token);
    }

    private static JsonObject token(String name, String role, int days) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("role", role)
                .add("expiresInDays", days)
                .build();
    }

    private static String secretOf(Reply created) {
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("token");
    }

    private static JsonObject find(Reply list, long id) {
        assertEquals(200, list.status(), list::toString);
        return list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("token " + id + " not listed: " + list));
    }

    private static List<String> owners(Reply list) {
        assertEquals(200, list.status(), list::toString);
        return list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("owner"))
                .toList();
    }

    private static void assertInvalidToken(Reply reply) {
        assertEquals(401, reply.status(), reply::toString);
        assertTrue(reply.isJson(), reply::toString);
        assertEquals("auth.tokenInvalid", reply.json().getString("code"));
        assertEquals(401, reply.json().getInt("status"));
        assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer "), reply.header("WWW-Authenticate"));
    }

    private static void assertProblem(Reply reply, String code) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(code, reply.json().getString("code"), reply::toString);
    }
}

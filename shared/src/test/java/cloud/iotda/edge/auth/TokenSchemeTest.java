package cloud.iotda.edge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.edge.ApiRequest;
import cloud.iotda.testing.InMemoryStore;
import cloud.iotda.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** X-Auth-Token: known by its hash only, for one project, until it expires. */
class TokenSchemeTest {
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private final InMemoryStore credentials = new InMemoryStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final Authenticator authenticator = new Authenticator(List.of(new TokenScheme(credentials, clock)),
            credentials, "cn-north-4");

    TokenSchemeTest() {
        credentials.saveToken(new StoredToken(Sha256.of("good-token"), "p1", NOW.plusSeconds(60)));
        credentials.saveToken(new StoredToken(Sha256.of("expired-token"), "p1", NOW));
    }

    private static ApiRequest withHeaders(Map<String, String> headers) {
        return ApiRequest.of("POST", "/v5/iot/p1/iotda-instances/ab/resize", Map.of(), Map.of(), headers, null);
    }

    private static ApiRequest withToken(String token) {
        return withHeaders(Map.of("X-Auth-Token", token));
    }

    private void assertUnauthorized(String detail, ApiRequest request) {
        Rejected rejected = assertThrows(Rejected.class, () -> authenticator.authorize(request, "p1"));
        assertEquals(Reason.UNAUTHORIZED, rejected.reason());
        assertEquals(detail, rejected.detail());
    }

    @Test
    void acceptsAKnownTokenOfThePathsProject() {
        assertEquals(Principal.ofProject("p1"), authenticator.authorize(withToken("good-token"), "p1"));
    }

    @Test
    void headerNameIsCaseInsensitive() {
        assertEquals(Principal.ofProject("p1"),
                authenticator.authorize(withHeaders(Map.of("x-auth-token", "good-token")), "p1"));
    }

    @Test
    void rejectsMissingCredentials() {
        assertUnauthorized("no credentials were sent", withHeaders(Map.of()));
    }

    @Test
    void rejectsEmptyToken() {
        assertUnauthorized("the X-Auth-Token is malformed", withToken("  "));
    }

    @Test
    void rejectsTokenLongerThan1024000Chars() {
        assertUnauthorized("the X-Auth-Token is malformed", withToken("a".repeat(TokenScheme.MAX_TOKEN_CHARS + 1)));
    }

    @Test
    void rejectsUnknownTokenOfTheMaximumLength() {
        assertUnauthorized("the X-Auth-Token is not valid", withToken("a".repeat(TokenScheme.MAX_TOKEN_CHARS)));
    }

    @Test
    void rejectsTokenAtItsExpiry() {
        assertUnauthorized("the X-Auth-Token has expired", withToken("expired-token"));
    }

    @Test
    void rejectsTokenOfAnotherProjectAsForbidden() {
        Rejected rejected = assertThrows(Rejected.class, () -> authenticator.authorize(withToken("good-token"), "p2"));
        assertEquals(Reason.FORBIDDEN, rejected.reason());
        assertEquals("the credentials do not grant access to project p2", rejected.detail());
    }

    @Test
    void keepsOnlyTheTokensHash() {
        Object stored = credentials.snapshot().toString();
        assertFalse(stored.toString().contains("good-token"));
        assertTrue(credentials.findToken(Sha256.of("good-token")).isPresent());
    }
}

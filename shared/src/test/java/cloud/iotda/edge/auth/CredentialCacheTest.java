package cloud.iotda.edge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.edge.ApiRequest;
import cloud.iotda.testing.InMemoryStore;
import cloud.iotda.testing.MutableClock;
import cloud.iotda.usecase.port.Credentials;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Validated credentials from memory for at most the TTL: one read per TTL, never past a token's expiry, unknown
 * ones read every time, a revocation seen within the TTL, no secret in what an entry prints.
 */
class CredentialCacheTest {
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final String TOKEN = "a-token-of-project-p1-that-must-never-be-printed";
    private static final String SECRET = "secret-key-that-must-never-be-printed-0000";

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryStore store = new InMemoryStore();
    private final AtomicInteger reads = new AtomicInteger();
    private final Credentials counted = (Credentials) Proxy.newProxyInstance(Credentials.class.getClassLoader(),
            new Class<?>[] {Credentials.class}, (proxy, method, args) -> {
                if (method.getName().startsWith("find")) {
                    reads.incrementAndGet();
                }
                try {
                    return method.invoke(store, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final CredentialCache cache = new CredentialCache(counted, TTL, clock);

    @Test
    void aKnownTokenIsReadOncePerTtl() {
        store.saveToken(new StoredToken(Sha256.of(TOKEN), "p1", NOW.plus(Duration.ofDays(1))));
        for (int i = 0; i < 5; i++) {
            assertEquals("p1", cache.findToken(Sha256.of(TOKEN)).orElseThrow().projectId());
        }
        assertEquals(1, reads.get());
        clock.advance(TTL.minusSeconds(1));
        cache.findToken(Sha256.of(TOKEN));
        assertEquals(1, reads.get(), "still inside the ttl");
        clock.advance(Duration.ofSeconds(1));
        cache.findToken(Sha256.of(TOKEN));
        assertEquals(2, reads.get(), "read again once the ttl is over");
    }

    @Test
    void aRevokedTokenWorksAtMostTheTtlLonger() {
        store.saveToken(new StoredToken(Sha256.of(TOKEN), "p1", NOW.plus(Duration.ofDays(1))));
        cache.findToken(Sha256.of(TOKEN));
        store.deleteToken(Sha256.of(TOKEN)); // revoked by another process (the operator's CLI)
        assertTrue(cache.findToken(Sha256.of(TOKEN)).isPresent(), "the cost: served from memory until the ttl");
        clock.advance(TTL);
        assertEquals(Optional.empty(), cache.findToken(Sha256.of(TOKEN)));
        assertEquals(Optional.empty(), cache.findToken(Sha256.of(TOKEN)));
        assertEquals(3, reads.get(), "an unknown token is read every time");
    }

    private final Authenticator authenticator = new Authenticator(List.of(new TokenScheme(cache, clock)), cache,
            "cn-north-4");

    private static ApiRequest withToken(String token) {
        return ApiRequest.of("GET", "/v5/iot/p1/iotda-instances/ab", Map.of(), Map.of(),
                Map.of("X-Auth-Token", token), null);
    }

    @Test
    void aTokenIsNeverServedPastItsOwnExpiry() {
        Instant expires = NOW.plusSeconds(10);
        store.saveToken(new StoredToken(Sha256.of(TOKEN), "p1", expires));
        assertEquals("p1", authenticator.authorize(withToken(TOKEN), "p1").projectId());
        clock.set(expires.minusMillis(1));
        assertEquals("p1", authenticator.authorize(withToken(TOKEN), "p1").projectId());
        assertEquals(1, reads.get());
        clock.set(expires);
        Rejected expired = assertThrows(Rejected.class, () -> authenticator.authorize(withToken(TOKEN), "p1"));
        assertEquals("the X-Auth-Token has expired", expired.detail());
        assertEquals(2, reads.get(), "the entry ended with the token, before the ttl");
    }

    @Test
    void aCachedTokenOfAnotherProjectIsForbiddenAsWhenRead() {
        store.saveToken(new StoredToken(Sha256.of(TOKEN), "p1", NOW.plus(Duration.ofDays(1))));
        assertEquals("p1", authenticator.authorize(withToken(TOKEN), "p1").projectId());
        Rejected forbidden = assertThrows(Rejected.class, () -> authenticator.authorize(withToken(TOKEN), "p2"));
        assertEquals(Reason.FORBIDDEN, forbidden.reason());
        assertEquals(1, reads.get(), "served from the cache, and still refused for another project");
    }

    @Test
    void anAccessKeyIsReadOncePerTtlAndARevocationHereIsSeenAtOnce() {
        store.saveAccessKey(new AccessKey("AK0001", SECRET, "p1", NOW));
        cache.findAccessKey("AK0001");
        cache.findAccessKey("AK0001");
        assertEquals(1, reads.get());
        assertTrue(cache.deleteAccessKey("AK0001"));
        assertEquals(Optional.empty(), cache.findAccessKey("AK0001"), "revoked through this cache: at once");
    }

    @Test
    void noEntryPrintsATokenOrASecret() {
        store.saveToken(new StoredToken(Sha256.of(TOKEN), "p1", NOW.plus(Duration.ofDays(1))));
        store.saveAccessKey(new AccessKey("AK0001", SECRET, "p1", NOW));
        cache.findToken(Sha256.of(TOKEN));
        cache.findAccessKey("AK0001");
        String printed = cache.describeEntries();
        assertTrue(printed.contains("p1") && printed.contains("AK0001"), printed);
        assertFalse(printed.contains(TOKEN) || printed.contains(SECRET), printed);
    }

    @Test
    void aTtlOfZeroIsTheStoreItself() {
        assertSame(store, CredentialCache.of(store, Duration.ZERO, clock));
        assertThrows(IllegalArgumentException.class, () -> new CredentialCache(store, Duration.ofSeconds(-1), clock));
    }
}

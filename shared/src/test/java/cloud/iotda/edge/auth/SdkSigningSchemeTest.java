package cloud.iotda.edge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.edge.ApiRequest;
import cloud.iotda.testing.InMemoryStore;
import cloud.iotda.testing.MutableClock;
import cloud.iotda.testing.SdkSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SDK-HMAC-SHA256 verified against the official SDK's own signer: what it signs is accepted, and any change to the
 * signed request, a stale date, an unknown key or another project's is refused.
 */
class SdkSigningSchemeTest {
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final String PATH = "/v5/iot/p1/iotda-instances/ab/resize";
    private static final String BODY = "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}";

    private final InMemoryStore credentials = new InMemoryStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final SdkSigningScheme scheme = new SdkSigningScheme(credentials, clock);

    SdkSigningSchemeTest() {
        credentials.saveAccessKey(new AccessKey("AKP1", "secret-p1", "p1", NOW));
    }

    /** The headers the official signer sends for this request, signed at {@code signedAt}. */
    private static Map<String, String> signed(String method, String path, Map<String, String> query, String body,
                                              Instant signedAt, String ak, String sk, String project) {
        Map<String, String> headers = SdkSignatures.sign(method, "https://iotda.example.com", path, query, body,
                signedAt, ak, sk, project);
        headers.putIfAbsent("Host", "iotda.example.com");
        return headers;
    }

    private static Map<String, String> signedResize(Instant signedAt) {
        return signed("POST", PATH, Map.of(), BODY, signedAt, "AKP1", "secret-p1", "p1");
    }

    private static ApiRequest request(String method, String path, Map<String, String> query,
                                      Map<String, String> headers, String body) {
        return ApiRequest.of(method, path, Map.of(), query, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertUnauthorized(String detail, ApiRequest request) {
        Rejected rejected = assertThrows(Rejected.class, () -> scheme.authenticate(request));
        assertEquals(Reason.UNAUTHORIZED, rejected.reason());
        assertEquals(detail, rejected.detail());
    }

    @Test
    void acceptsWhatTheOfficialSignerSigned() {
        assertEquals(Principal.ofProject("p1"),
                scheme.authenticate(request("POST", PATH, Map.of(), signedResize(NOW), BODY)));
    }

    @Test
    void acceptsASignedQueryAndAnEmptyBody() {
        String path = "/v5/iot/p1/iotda-instances/ab/orders";
        Map<String, String> query = Map.of("limit", "2", "marker", "CS260115100000AB12C");
        Map<String, String> headers = signed("GET", path, query, "", NOW, "AKP1", "secret-p1", "p1");
        assertEquals(Principal.ofProject("p1"), scheme.authenticate(request("GET", path, query, headers, "")));
        assertUnauthorized("the request signature does not match",
                request("GET", path, Map.of("limit", "3", "marker", "CS260115100000AB12C"), headers, ""));
    }

    @Test
    void refusesATamperedBody() {
        assertUnauthorized("the request signature does not match",
                request("POST", PATH, Map.of(), signedResize(NOW), BODY.replace('4', '5')));
    }

    @Test
    void refusesATamperedPathOrMethod() {
        assertUnauthorized("the request signature does not match",
                request("POST", PATH.replace("/ab/", "/cd/"), Map.of(), signedResize(NOW), BODY));
        assertUnauthorized("the request signature does not match",
                request("PUT", PATH, Map.of(), signedResize(NOW), BODY));
    }

    @Test
    void refusesAWrongSecretAndAnUnknownKey() {
        assertUnauthorized("the request signature does not match", request("POST", PATH, Map.of(),
                signed("POST", PATH, Map.of(), BODY, NOW, "AKP1", "not-the-secret", "p1"), BODY));
        assertUnauthorized("the access key is not valid", request("POST", PATH, Map.of(),
                signed("POST", PATH, Map.of(), BODY, NOW, "NOSUCHKEY", "secret-p1", "p1"), BODY));
    }

    @Test
    void acceptsFifteenMinutesOfClockSkewEitherWayAndNoMore() {
        Duration skew = HmacSignatureScheme.MAX_CLOCK_SKEW;
        scheme.authenticate(request("POST", PATH, Map.of(), signedResize(NOW.minus(skew)), BODY));
        scheme.authenticate(request("POST", PATH, Map.of(), signedResize(NOW.plus(skew)), BODY));
        assertUnauthorized("X-Sdk-Date is more than 15 minutes from the server's time",
                request("POST", PATH, Map.of(), signedResize(NOW.minus(skew).minusSeconds(1)), BODY));
        assertUnauthorized("X-Sdk-Date is more than 15 minutes from the server's time",
                request("POST", PATH, Map.of(), signedResize(NOW.plus(skew).plusSeconds(1)), BODY));
    }

    @Test
    void refusesASignedHeaderThatIsMissing() {
        Map<String, String> headers = signedResize(NOW);
        headers.put("Authorization", headers.get("Authorization").replace("SignedHeaders=", "SignedHeaders=x-absent;"));
        assertUnauthorized("the signed header x-absent is missing", request("POST", PATH, Map.of(), headers, BODY));
    }

    @Test
    void refusesADateThatIsNotSigned() {
        Map<String, String> headers = signedResize(NOW);
        headers.put("Authorization", headers.get("Authorization").replace("x-sdk-date", "x-project-id"));
        assertUnauthorized("X-Sdk-Date must be a signed header", request("POST", PATH, Map.of(), headers, BODY));
    }

    @Test
    void refusesAMalformedAuthorizationHeader() {
        Map<String, String> headers = signedResize(NOW);
        headers.put("Authorization", "SDK-HMAC-SHA256 Access=AKP1");
        assertUnauthorized("the Authorization header is malformed", request("POST", PATH, Map.of(), headers, BODY));
    }

    @Test
    void refusesAProjectHeaderOfAnotherProjectAsForbidden() {
        credentials.saveAccessKey(new AccessKey("AKP2", "secret-p2", "p2", NOW));
        Map<String, String> headers = signed("POST", PATH, Map.of(), BODY, NOW, "AKP2", "secret-p2", "p1");
        Authenticator authenticator = new Authenticator(List.of(scheme), credentials, "cn-north-4");
        Rejected rejected = assertThrows(Rejected.class,
                () -> authenticator.authorize(request("POST", PATH, Map.of(), headers, BODY), "p1"));
        assertEquals(Reason.FORBIDDEN, rejected.reason());
        assertEquals("the credentials do not grant access to project p1", rejected.detail());
        Rejected elsewhere = assertThrows(Rejected.class,
                () -> authenticator.authorize(request("POST", PATH, Map.of(), headers, BODY), "p2"));
        assertEquals("X-Project-Id names project p1, the path project p2", elsewhere.detail());
    }
}

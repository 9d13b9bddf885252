package cloud.iotda.edge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * V11-HMAC-SHA256 verified against the official SDK's DerivedAKSKSigner: what it signs for this region and the
 * iotdm service is accepted; a changed request, a stale date, another region, service or day, an unknown key or
 * another project's are refused as the default scheme refuses them.
 */
class DerivedSigningSchemeTest {
    private static final Instant NOW = Instant.parse("2026-01-15T23:59:00Z");
    private static final String REGION = "eu-west-1";
    private static final String PATH = "/v5/iot/p1/iotda-instances/ab/resize";
    private static final String BODY = "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}";

    private final InMemoryStore credentials = new InMemoryStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final DerivedSigningScheme scheme = new DerivedSigningScheme(credentials, clock, REGION);

    DerivedSigningSchemeTest() {
        credentials.saveAccessKey(new AccessKey("AKP1", "secret-p1", "p1", NOW));
    }

    private static Map<String, String> signed(Instant signedAt, String region, String service, String ak, String sk,
                                              String project) {
        Map<String, String> headers = SdkSignatures.signDerived("POST", "https://iotda.example.com", PATH, Map.of(),
                BODY, signedAt, ak, sk, project, region, service);
        headers.putIfAbsent("Host", "iotda.example.com");
        return headers;
    }

    private static Map<String, String> signed(Instant signedAt) {
        return signed(signedAt, REGION, DerivedSigningScheme.SERVICE, "AKP1", "secret-p1", "p1");
    }

    private static ApiRequest request(Map<String, String> headers, String body) {
        return ApiRequest.of("POST", PATH, Map.of(), Map.of(), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertUnauthorized(String detail, Map<String, String> headers, String body) {
        Rejected rejected = assertThrows(Rejected.class, () -> scheme.authenticate(request(headers, body)));
        assertEquals(Reason.UNAUTHORIZED, rejected.reason());
        assertEquals(detail, rejected.detail());
    }

    @Test
    void theOfficialDerivedSignerSendsTheV11Scheme() {
        String authorization = signed(NOW).get("Authorization");
        assertTrue(authorization.startsWith("V11-HMAC-SHA256 Credential=AKP1/20260115/eu-west-1/iotdm, "),
                authorization);
        assertTrue(scheme.presentIn(request(signed(NOW), BODY)));
        assertFalse(new SdkSigningScheme(credentials, clock).presentIn(request(signed(NOW), BODY)));
    }

    @Test
    void acceptsWhatTheOfficialDerivedSignerSigned() {
        assertEquals(Principal.ofProject("p1"), scheme.authenticate(request(signed(NOW), BODY)));
    }

    @Test
    void refusesATamperedBody() {
        assertUnauthorized("the request signature does not match", signed(NOW), BODY.replace('4', '5'));
    }

    @Test
    void refusesAWrongSecretAndAnUnknownKey() {
        assertUnauthorized("the request signature does not match",
                signed(NOW, REGION, DerivedSigningScheme.SERVICE, "AKP1", "not-the-secret", "p1"), BODY);
        assertUnauthorized("the access key is not valid",
                signed(NOW, REGION, DerivedSigningScheme.SERVICE, "NOSUCHKEY", "secret-p1", "p1"), BODY);
    }

    @Test
    void refusesAScopeForAnotherRegionOrService() {
        assertUnauthorized("the Credential is scoped to region cn-north-4, not eu-west-1",
                signed(NOW, "cn-north-4", DerivedSigningScheme.SERVICE, "AKP1", "secret-p1", "p1"), BODY);
        assertUnauthorized("the Credential is scoped to service iotda, not iotdm",
                signed(NOW, REGION, "iotda", "AKP1", "secret-p1", "p1"), BODY);
    }

    @Test
    void refusesAScopeOfAnotherDayThanTheDate() {
        Map<String, String> headers = signed(NOW);
        headers.put("Authorization", headers.get("Authorization").replace("/20260115/", "/20260114/"));
        assertUnauthorized("the Credential's date is not the day of X-Sdk-Date", headers, BODY);
    }

    @Test
    void keepsTheClockSkewRuleOfTheDefaultScheme() {
        Duration skew = HmacSignatureScheme.MAX_CLOCK_SKEW;
        scheme.authenticate(request(signed(NOW.minus(skew)), BODY));
        assertUnauthorized("X-Sdk-Date is more than 15 minutes from the server's time",
                signed(NOW.minus(skew).minusSeconds(1)), BODY);
    }

    @Test
    void refusesASignedHeaderThatIsMissing() {
        Map<String, String> headers = signed(NOW);
        headers.put("Authorization", headers.get("Authorization").replace("SignedHeaders=", "SignedHeaders=x-absent;"));
        assertUnauthorized("the signed header x-absent is missing", headers, BODY);
    }

    @Test
    void refusesAProjectHeaderOfAnotherProjectAsForbidden() {
        credentials.saveAccessKey(new AccessKey("AKP2", "secret-p2", "p2", NOW));
        Authenticator authenticator = new Authenticator(List.of(scheme), credentials, REGION);
        Rejected rejected = assertThrows(Rejected.class, () -> authenticator.authorize(request(
                signed(NOW, REGION, DerivedSigningScheme.SERVICE, "AKP2", "secret-p2", "p1"), BODY), "p1"));
        assertEquals(Reason.FORBIDDEN, rejected.reason());
    }

    @Test
    void theAuthenticatorPicksTheSchemeTheRequestUses() {
        Authenticator authenticator = new Authenticator(List.of(new SdkSigningScheme(credentials, clock), scheme),
                credentials, "cn-north-4");
        assertEquals(Principal.ofProject("p1"), authenticator.authorize(request(signed(NOW), BODY), "p1"));
    }
}

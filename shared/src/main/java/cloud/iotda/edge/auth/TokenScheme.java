package cloud.iotda.edge.auth;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.edge.ApiRequest;
import cloud.iotda.usecase.port.Credentials;
import java.security.MessageDigest;
import java.time.Clock;

/** {@code X-Auth-Token}: looked up by its SHA-256, so the table never holds a usable token. */
public final class TokenScheme implements AuthScheme {
    public static final String HEADER = "X-Auth-Token";
    public static final int MAX_TOKEN_CHARS = 1_024_000;

    private final Credentials credentials;
    private final Clock clock;

    public TokenScheme(Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public boolean presentIn(ApiRequest request) {
        return request.header(HEADER) != null;
    }

    @Override
    public Principal authenticate(ApiRequest request) {
        String token = request.header(HEADER).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw unauthorized("the X-Auth-Token is malformed");
        }
        byte[] hash = Sha256.of(token);
        StoredToken stored = credentials.findToken(hash)
                .filter(candidate -> MessageDigest.isEqual(candidate.tokenSha256(), hash))
                .orElseThrow(() -> unauthorized("the X-Auth-Token is not valid"));
        if (!clock.instant().isBefore(stored.expiresAt())) {
            throw unauthorized("the X-Auth-Token has expired");
        }
        return new Principal(stored.projectId(), stored.domainId(), false);
    }

    private static Rejected unauthorized(String detail) {
        return Rejected.because(Reason.UNAUTHORIZED, detail);
    }
}

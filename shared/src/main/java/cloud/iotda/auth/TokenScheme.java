package cloud.iotda.auth;

import cloud.iotda.api.ApiRequest;
import cloud.iotda.api.ErrorCode;
import cloud.iotda.api.Sha256;
import java.security.MessageDigest;
import java.time.Clock;

/** {@code X-Auth-Token}: looked up by its SHA-256, so the table never holds a usable token. */
public final class TokenScheme implements AuthScheme {
    public static final String HEADER = "X-Auth-Token";
    public static final int MAX_TOKEN_CHARS = 1_024_000;

    private final CredentialStore store;
    private final Clock clock;

    public TokenScheme(CredentialStore store, Clock clock) {
        this.store = store;
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
            throw ErrorCode.UNAUTHORIZED.exception("the X-Auth-Token is malformed");
        }
        byte[] hash = sha256(token);
        CredentialStore.StoredToken stored = store.findToken(hash)
                .filter(candidate -> MessageDigest.isEqual(candidate.tokenSha256(), hash))
                .orElseThrow(() -> ErrorCode.UNAUTHORIZED.exception("the X-Auth-Token is not valid"));
        if (!clock.instant().isBefore(stored.expiresAt())) {
            throw ErrorCode.UNAUTHORIZED.exception("the X-Auth-Token has expired");
        }
        return new Principal(stored.projectId(), "token");
    }

    public static byte[] sha256(String token) {
        return Sha256.of(token);
    }
}

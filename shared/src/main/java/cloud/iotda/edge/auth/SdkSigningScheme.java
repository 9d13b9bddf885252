package cloud.iotda.edge.auth;

import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.usecase.port.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * AK/SK signing as the official SDKs send it by default: {@code Authorization: SDK-HMAC-SHA256 Access=AK,
 * SignedHeaders=..., Signature=...}, keyed with the secret key itself.
 */
public final class SdkSigningScheme extends HmacSignatureScheme {
    public static final String ALGORITHM = "SDK-HMAC-SHA256";

    public SdkSigningScheme(Credentials credentials, Clock clock) {
        super(credentials, clock, ALGORITHM, "Access");
    }

    @Override
    protected Credential credential(String field, String sdkDate) {
        return new Credential(field, null);
    }

    @Override
    protected byte[] signingKey(AccessKey key, Credential credential) {
        return key.secretKey().getBytes(StandardCharsets.UTF_8);
    }
}

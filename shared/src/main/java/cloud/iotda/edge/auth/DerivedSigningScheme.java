package cloud.iotda.edge.auth;

import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.edge.auth.internal.Hkdf;
import cloud.iotda.usecase.port.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The derived AK/SK scheme the real IoTDA instance endpoints require (the SDKs' DerivedAKSKSigner):
 * {@code Authorization: V11-HMAC-SHA256 Credential=AK/yyyyMMdd/region/iotdm, SignedHeaders=..., Signature=...}.
 * The string to sign adds the credential scope; the key is derived from the key pair and the scope with
 * HKDF-SHA256 (32 bytes, used as its lowercase hex text), so a signature holds for one day, region and service.
 */
public final class DerivedSigningScheme extends HmacSignatureScheme {
    public static final String ALGORITHM = "V11-HMAC-SHA256";
    /** The service name the SDKs' IoTDA clients sign for. */
    public static final String SERVICE = "iotdm";

    private final String regionId;

    public DerivedSigningScheme(Credentials credentials, Clock clock, String regionId) {
        super(credentials, clock, ALGORITHM, "Credential");
        this.regionId = regionId;
    }

    @Override
    protected Credential credential(String field, String sdkDate) {
        String[] parts = field.split("/", -1);
        if (parts.length != 4 || parts[0].isEmpty()) {
            throw unauthorized("the Credential must be AK/yyyyMMdd/region/service");
        }
        if (!parts[1].equals(sdkDate.substring(0, Math.min(8, sdkDate.length())))) {
            throw unauthorized("the Credential's date is not the day of X-Sdk-Date");
        }
        if (!parts[2].equals(regionId)) {
            throw unauthorized("the Credential is scoped to region " + parts[2] + ", not " + regionId);
        }
        if (!parts[3].equals(SERVICE)) {
            throw unauthorized("the Credential is scoped to service " + parts[3] + ", not " + SERVICE);
        }
        return new Credential(parts[0], parts[1] + "/" + parts[2] + "/" + parts[3]);
    }

    @Override
    protected byte[] signingKey(AccessKey key, Credential credential) {
        byte[] derived = Hkdf.sha256(key.secretKey().getBytes(StandardCharsets.UTF_8),
                key.accessKeyId().getBytes(StandardCharsets.UTF_8),
                credential.scope().getBytes(StandardCharsets.UTF_8), 32);
        return HexFormat.of().formatHex(derived).getBytes(StandardCharsets.UTF_8);
    }
}

package cloud.iotda.edge.auth;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.edge.ApiRequest;
import cloud.iotda.edge.auth.internal.CanonicalRequest;
import cloud.iotda.usecase.port.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the official SDKs' AK/SK signing schemes share: {@code Authorization: <ALGORITHM> <credential>,
 * SignedHeaders=h1;h2, Signature=hex}, an HMAC-SHA256 over a string that names the algorithm, the
 * {@code X-Sdk-Date} and the SHA-256 of the canonical request; the same rules for signed headers, clock skew,
 * unknown keys and projects; and a constant-time comparison. A subclass reads its credential and makes its key.
 */
public abstract class HmacSignatureScheme implements AuthScheme {
    public static final String DATE_HEADER = "X-Sdk-Date";
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    public static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Credentials credentials;
    private final Clock clock;
    private final String algorithm;
    private final Pattern authorization;

    /** What a credential field names: the access key, and the scope the signature is bound to (if any). */
    protected record Credential(String accessKeyId, String scope) {
    }

    protected HmacSignatureScheme(Credentials credentials, Clock clock, String algorithm, String credentialField) {
        this.credentials = credentials;
        this.clock = clock;
        this.algorithm = algorithm;
        this.authorization = Pattern.compile(Pattern.quote(algorithm) + " " + credentialField
                + "=([^,\\s]+), ?SignedHeaders=([^,\\s]+), ?Signature=([0-9a-fA-F]{64})");
    }

    /** Reads the credential field; {@code sdkDate} is the signed X-Sdk-Date. */
    protected abstract Credential credential(String field, String sdkDate);

    /** The HMAC key for {@code key}'s signatures under {@code credential}. */
    protected abstract byte[] signingKey(AccessKey key, Credential credential);

    @Override
    public boolean presentIn(ApiRequest request) {
        String header = request.header("Authorization");
        return header != null && header.startsWith(algorithm + " ");
    }

    @Override
    public Principal authenticate(ApiRequest request) {
        Matcher parts = authorization.matcher(request.header("Authorization").strip());
        if (!parts.matches()) {
            throw unauthorized("the Authorization header is malformed");
        }
        List<String> signedHeaders = Arrays.asList(parts.group(2).toLowerCase(Locale.ROOT).split(";"));
        if (!signedHeaders.contains(DATE_HEADER.toLowerCase(Locale.ROOT))) {
            throw unauthorized("X-Sdk-Date must be a signed header");
        }
        for (String name : signedHeaders) {
            if (request.header(name) == null) {
                throw unauthorized("the signed header " + name + " is missing");
            }
        }
        String sdkDate = request.header(DATE_HEADER).strip();
        Instant signedAt = parseDate(sdkDate);
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            throw unauthorized("X-Sdk-Date is more than " + MAX_CLOCK_SKEW.toMinutes()
                    + " minutes from the server's time");
        }
        Credential credential = credential(parts.group(1), sdkDate);
        if (!AccessKey.isValidId(credential.accessKeyId())) {
            throw unauthorized("the access key id must be " + AccessKey.ID_RULE);
        }
        AccessKey key = credentials.findAccessKey(credential.accessKeyId())
                .orElseThrow(() -> unauthorized("the access key is not valid"));
        byte[] given = parts.group(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean matches = false;
        for (String canonicalHash : CanonicalRequest.hashes(request, signedHeaders)) {
            String stringToSign = algorithm + "\n" + sdkDate + "\n"
                    + (credential.scope() == null ? "" : credential.scope() + "\n") + canonicalHash;
            byte[] expected = CanonicalRequest.hmacHex(signingKey(key, credential), stringToSign)
                    .getBytes(StandardCharsets.US_ASCII);
            matches |= MessageDigest.isEqual(expected, given);
        }
        if (!matches) {
            throw unauthorized("the request signature does not match");
        }
        return key.projectId() != null ? Principal.ofProject(key.projectId())
                : new Principal(null, key.domainId(), true);
    }

    private static Instant parseDate(String value) {
        try {
            return LocalDateTime.parse(value, DATE_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw unauthorized("X-Sdk-Date must be yyyyMMdd'T'HHmmss'Z'");
        }
    }

    protected static Rejected unauthorized(String detail) {
        return Rejected.because(Reason.UNAUTHORIZED, detail);
    }
}

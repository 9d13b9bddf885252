package cloud.iotda.auth;

import cloud.iotda.api.ApiRequest;
import cloud.iotda.api.ErrorCode;
import cloud.iotda.auth.internal.CanonicalRequest;
import java.nio.charset.StandardCharsets;
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
 * AK/SK request signing as the official SDKs send it: {@code Authorization: SDK-HMAC-SHA256 Access=AK,
 * SignedHeaders=h1;h2, Signature=hex}, an HMAC-SHA256 with the secret key over a string that names the algorithm,
 * the {@code X-Sdk-Date} and the SHA-256 of the canonical request (method, path, query, signed headers, body hash).
 */
public final class SdkSigningScheme implements AuthScheme {
    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    public static final String DATE_HEADER = "X-Sdk-Date";
    public static final String PROJECT_HEADER = "X-Project-Id";
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    public static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private static final Pattern AUTHORIZATION = Pattern.compile(
            ALGORITHM + " Access=([^,\\s]+), ?SignedHeaders=([^,\\s]+), ?Signature=([0-9a-fA-F]{64})");

    private final CredentialStore store;
    private final Clock clock;

    public SdkSigningScheme(CredentialStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public boolean presentIn(ApiRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.startsWith(ALGORITHM);
    }

    @Override
    public Principal authenticate(ApiRequest request) {
        Matcher parts = AUTHORIZATION.matcher(request.header("Authorization").strip());
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
        Instant signedAt = parseDate(request.header(DATE_HEADER));
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            throw unauthorized("X-Sdk-Date is more than 15 minutes from the server's time");
        }
        CredentialStore.AccessKey key = store.findAccessKey(parts.group(1))
                .orElseThrow(() -> unauthorized("the access key is not valid"));
        String stringToSign = ALGORITHM + "\n" + request.header(DATE_HEADER).strip() + "\n"
                + CanonicalRequest.hash(request, signedHeaders);
        byte[] expected = CanonicalRequest.hmacHex(key.secretKey(), stringToSign).getBytes(StandardCharsets.US_ASCII);
        byte[] given = parts.group(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!java.security.MessageDigest.isEqual(expected, given)) {
            throw unauthorized("the request signature does not match");
        }
        String claimedProject = request.header(PROJECT_HEADER);
        if (claimedProject != null && !claimedProject.strip().equals(key.projectId())) {
            throw ErrorCode.FORBIDDEN.exception("the access key does not belong to project " + claimedProject.strip());
        }
        return new Principal(key.projectId(), "aksk");
    }

    private static Instant parseDate(String value) {
        try {
            return LocalDateTime.parse(value.strip(), DATE_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw unauthorized("X-Sdk-Date must be yyyyMMdd'T'HHmmss'Z'");
        }
    }

    private static RuntimeException unauthorized(String detail) {
        return ErrorCode.UNAUTHORIZED.exception(detail);
    }
}

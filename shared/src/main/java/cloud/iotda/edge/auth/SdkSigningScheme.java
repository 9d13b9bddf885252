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

    private final Credentials credentials;
    private final Clock clock;

    public SdkSigningScheme(Credentials credentials, Clock clock) {
        this.credentials = credentials;
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
            throw unauthorized("X-Sdk-Date is more than " + MAX_CLOCK_SKEW.toMinutes()
                    + " minutes from the server's time");
        }
        AccessKey key = credentials.findAccessKey(parts.group(1))
                .orElseThrow(() -> unauthorized("the access key is not valid"));
        String stringToSign = ALGORITHM + "\n" + request.header(DATE_HEADER).strip() + "\n"
                + CanonicalRequest.hash(request, signedHeaders);
        byte[] expected = CanonicalRequest.hmacHex(key.secretKey(), stringToSign).getBytes(StandardCharsets.US_ASCII);
        byte[] given = parts.group(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw unauthorized("the request signature does not match");
        }
        String claimedProject = request.header(PROJECT_HEADER);
        if (claimedProject != null && !claimedProject.strip().equals(key.projectId())) {
            throw Rejected.because(Reason.FORBIDDEN,
                    "the access key does not belong to project " + claimedProject.strip());
        }
        return new Principal(key.projectId());
    }

    private static Instant parseDate(String value) {
        try {
            return LocalDateTime.parse(value.strip(), DATE_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw unauthorized("X-Sdk-Date must be yyyyMMdd'T'HHmmss'Z'");
        }
    }

    private static Rejected unauthorized(String detail) {
        return Rejected.because(Reason.UNAUTHORIZED, detail);
    }
}

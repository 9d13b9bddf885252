package cloud.iotda.edge.auth.internal;

import cloud.iotda.domain.Sha256;
import cloud.iotda.edge.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The canonical form of a request that SDK-HMAC-SHA256 and V11-HMAC-SHA256 sign: method, path with a trailing
 * slash, sorted query, the signed headers as {@code name:trimmed value} lines (each ending in a newline), the
 * header list, and the body's SHA-256, joined by newlines.
 */
public final class CanonicalRequest {
    private CanonicalRequest() {
    }

    /** Hex SHA-256 of the canonical request. */
    public static String hash(ApiRequest request, List<String> signedHeaders) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method().toUpperCase(Locale.ROOT)).append('\n')
                .append(canonicalPath(request.path())).append('\n')
                .append(canonicalQuery(request.queryParameters())).append('\n');
        List<String> sorted = signedHeaders.stream().sorted().toList();
        for (String name : sorted) {
            canonical.append(name).append(':').append(request.header(name).strip()).append('\n');
        }
        // The header block ends with its own newline, and the fields are newline-separated: hence a blank line.
        canonical.append('\n').append(String.join(";", sorted)).append('\n').append(Sha256.hex(request.body()));
        return Sha256.hex(canonical.toString());
    }

    static String canonicalPath(String path) {
        String encoded = Arrays.stream(path.split("/", -1))
                .map(CanonicalRequest::encode)
                .collect(Collectors.joining("/"));
        return encoded.endsWith("/") ? encoded : encoded + "/";
    }

    static String canonicalQuery(Map<String, String> query) {
        return new TreeMap<>(query).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** RFC 3986 percent-encoding: everything but unreserved characters. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    public static String hmacHex(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

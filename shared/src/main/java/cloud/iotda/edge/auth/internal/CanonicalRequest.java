package cloud.iotda.edge.auth.internal;

import cloud.iotda.domain.Sha256;
import cloud.iotda.edge.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
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
 * slash, sorted query (every value of a repeated key), the signed headers as {@code name:trimmed value} lines (a
 * repeated header by its first value, as the SDKs sign it; each line ending in a newline), the header list, and the
 * body's SHA-256, joined by newlines.
 */
public final class CanonicalRequest {
    private CanonicalRequest() {
    }

    /**
     * Hex SHA-256 of each canonical form a client may have signed: one, or two when a repeated query key's values
     * are not in order (the Python SDK signs them sorted, the Java SDK in the order it sends them).
     */
    public static List<String> hashes(ApiRequest request, List<String> signedHeaders) {
        String sorted = hash(request, signedHeaders, canonicalQuery(request.queryValues(), true));
        String asSent = hash(request, signedHeaders, canonicalQuery(request.queryValues(), false));
        return sorted.equals(asSent) ? List.of(sorted) : List.of(sorted, asSent);
    }

    private static String hash(ApiRequest request, List<String> signedHeaders, String query) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method().toUpperCase(Locale.ROOT)).append('\n')
                .append(canonicalPath(request.path())).append('\n')
                .append(query).append('\n');
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

    /** Every key with every value, encoded, keys sorted; a key's values sorted too, or in the order sent. */
    static String canonicalQuery(Map<String, List<String>> query, boolean valuesSorted) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(query).forEach((key, values) -> {
            List<String> encoded = values.stream().map(CanonicalRequest::encode).toList();
            (valuesSorted ? encoded.stream().sorted() : encoded.stream())
                    .forEach(value -> pairs.add(encode(key) + "=" + value));
        });
        return String.join("&", pairs);
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

package cloud.iotda.testing;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.DerivedAKSKSigner;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Requests signed by the official SDK's own AK/SK signer: the reference the service's verification must match. */
public final class SdkSignatures {
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SdkSignatures() {
    }

    /**
     * The headers to send for a JSON request to {@code endpoint + path}, signed at {@code signedAt} with the key pair
     * and claiming {@code project}: Authorization, X-Sdk-Date, X-Project-Id and Content-Type.
     */
    public static Map<String, String> sign(String method, String endpoint, String path, Map<String, String> query,
                                           String body, Instant signedAt, String ak, String sk, String project) {
        return sign(AKSKSigner.getInstance(), new BasicCredentials().withAk(ak).withSk(sk).withProjectId(project),
                method, endpoint, path, query, body, signedAt, project);
    }

    /**
     * As {@link #sign}, with the derived scheme (V11-HMAC-SHA256) the real IoTDA endpoints require: the signature
     * is scoped to the day, {@code regionId} and {@code service}.
     */
    public static Map<String, String> signDerived(String method, String endpoint, String path,
                                                  Map<String, String> query, String body, Instant signedAt,
                                                  String ak, String sk, String project, String regionId,
                                                  String service) {
        BasicCredentials credentials = new BasicCredentials().withAk(ak).withSk(sk).withProjectId(project);
        credentials.processDerivedAuthParams(service, regionId);
        return sign(DerivedAKSKSigner.getInstance(), credentials, method, endpoint, path, query, body, signedAt,
                project);
    }

    private static Map<String, String> sign(AKSKSigner signer, BasicCredentials credentials, String method,
                                            String endpoint, String path, Map<String, String> query, String body,
                                            Instant signedAt, String project) {
        String sdkDate = SDK_DATE.format(signedAt);
        HttpRequest.HttpRequestBuilder request = HttpRequest.newBuilder()
                .withMethod(HttpMethod.valueOf(method))
                .withEndpoint(endpoint)
                .withPath(path)
                .withContentType("application/json")
                .addHeader("X-Sdk-Date", sdkDate)
                .addHeader("X-Project-Id", project)
                .addHeader("Content-Type", "application/json")
                .withBodyAsString(body);
        query.forEach((name, value) -> request.addQueryParam(name, List.of(value)));
        Map<String, String> headers = new HashMap<>(signer.sign(request.build(), credentials));
        headers.put("X-Sdk-Date", sdkDate);
        headers.put("X-Project-Id", project);
        headers.put("Content-Type", "application/json");
        return headers;
    }
}

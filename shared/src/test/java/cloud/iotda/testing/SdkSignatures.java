package cloud.iotda.testing;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
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
        Map<String, String> headers = new HashMap<>(AKSKSigner.getInstance()
                .sign(request.build(), new BasicCredentials().withAk(ak).withSk(sk).withProjectId(project)));
        headers.put("X-Sdk-Date", sdkDate);
        headers.put("X-Project-Id", project);
        headers.put("Content-Type", "application/json");
        return headers;
    }
}

package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The billing API called as a client of Huawei Cloud calls it: over raw HTTP (the BSS SDK is not served here),
 * signed by the Java core 3.1.143's own signer with {@code GlobalCredentials}, which adds and signs
 * {@code X-Domain-Id}; the demo seed's two accounts.
 */
final class SignedCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A status and a body as the API answered. */
    record Answer(int statusCode, String body) {
    }

    private final String base;

    SignedCalls(String base) {
        this.base = base;
    }

    static GlobalCredentials demo() {
        return new GlobalCredentials().withAk("DEMOACCOUNTKEY5C1E8A2F")
                .withSk("demo-account-secret-do-not-use-in-production")
                .withDomainId("5c1e8a2f9b7d4c3e8f6a1b2d3c4e5f60");
    }

    static GlobalCredentials other() {
        return new GlobalCredentials().withAk("OTHERACCOUNTKEY8D7C6B5A")
                .withSk("other-account-secret-do-not-use-in-production")
                .withDomainId("8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a");
    }

    /**
     * The request signed as the SDK signs it for GlobalCredentials, then sent as it is; a query in {@code path} is
     * given to the SDK as its query parameters, as its clients give them, and sent as the SDK writes it.
     */
    Answer send(GlobalCredentials credentials, String method, String path, String body) throws Exception {
        int query = path.indexOf('?');
        HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder().withEndpoint(base)
                .withPath(query < 0 ? path : path.substring(0, query)).withMethod(HttpMethod.valueOf(method));
        if (query >= 0) {
            for (String parameter : path.substring(query + 1).split("&")) {
                String[] pair = parameter.split("=", 2);
                builder.addQueryParam(pair[0], List.of(pair.length == 2 ? pair[1] : ""));
            }
        }
        if (body != null) {
            builder.withBodyAsString(body).withContentType("application/json");
        }
        HttpRequest signed = credentials.syncProcessAuthRequest(builder.build(), null);
        return exchange(method, signed.getUrl().getFile(), signed.getHeaders(), body);
    }

    /** The request sent with {@code headers} as they are (a token, or headers already signed). */
    Answer exchange(String method, String path, Map<String, List<String>> headers, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestMethod(method);
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> connection.addRequestProperty(name, value));
            }
        });
        if (body != null) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** ShowCustomerOrderDetails, answered 200. */
    JsonNode details(GlobalCredentials credentials, String orderId) throws Exception {
        Answer answer = send(credentials, "GET", "/v2/orders/customer-orders/details/" + orderId, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    static void assertRefused(Answer answer, int status, String code) throws Exception {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(code, JSON.readTree(answer.body()).path("error_code").asText(), answer.body());
    }
}

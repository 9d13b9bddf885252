package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.DerivedAKSKSigner;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local API passes a request to the function as API Gateway does, whatever shape a real client gives it, and
 * answers every request in the API's JSON body with a request id. Requests are signed by the official Java SDK's
 * signers and sent byte for byte over a raw socket: the spellings real clients send (the Python SDK's
 * {@code application/json;charset=utf-8}, OkHttp's {@code application/json; charset=utf-8}, header names in any case,
 * a repeated header, Host with and without a port), repeated query keys, malformed percent-encoding, requests the
 * HTTP server itself refuses, and slow bodies beside normal calls.
 */
class LocalGatewayFidelityTest {
    private static final String PROJECT = "0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b";
    private static final String AK = "DEMOACCESSKEY0E3F2C8A";
    private static final String SK = "demo-secret-key-do-not-use-in-production";
    private static final String INSTANCE = "2a2b3c4d-0000-4000-8000-000000000001";
    private static final String INSTANCES = "/v5/iot/" + PROJECT + "/iotda-instances";

    private static final String[] JSON_TYPE = {"Content-Type", "application/json"};

    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start(new LocalApi.Options(0, 0, null, null,
                LocalApiEndToEndTest.repoRoot().resolve("template.yaml")));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** An answer as read off the wire: status, headers (names lower-cased) and body. */
    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return JsonTrees.read(body);
        }
    }

    /** Sends {@code request} byte for byte and reads the answer (a closed connection with none: status 0). */
    static Answer raw(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r'
                    && bytes[n - 1] == '\n') {
                break;
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            return new Answer(0, Map.of(), "");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    /** A client's request: method, path, query pairs (repeats kept), header lines as sent, body. */
    record ClientRequest(String method, String path, List<String[]> query, List<String[]> headers, String body) {
        byte[] bytes() {
            StringBuilder text = new StringBuilder(method).append(' ').append(path);
            if (!query.isEmpty()) {
                text.append('?').append(String.join("&", query.stream().map(pair -> pair[0] + "=" + pair[1])
                        .toList()));
            }
            text.append(" HTTP/1.1\r\n");
            for (String[] header : headers) {
                text.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            text.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            return out.toByteArray();
        }
    }

    /**
     * The request signed by the SDK's signer ({@code derived}: V11-HMAC-SHA256 for us-east-1), sent with the header
     * lines {@code sent} (each signed as the SDK signs it: a repeated header by its first value) and Host {@code host}.
     */
    static ClientRequest signed(boolean derived, String method, String path, List<String[]> query,
                                List<String[]> sent, String host, String body) {
        HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder().withMethod(HttpMethod.valueOf(method))
                .withEndpoint("http://" + host).withPath(path).withBodyAsString(body);
        Map<String, List<String>> queryValues = new LinkedHashMap<>();
        query.forEach(pair -> queryValues.computeIfAbsent(pair[0], key -> new ArrayList<>()).add(pair[1]));
        queryValues.forEach(builder::addQueryParam);
        Map<String, String> firstValues = new LinkedHashMap<>();
        sent.forEach(header -> firstValues.putIfAbsent(header[0], header[1]));
        firstValues.forEach(builder::addHeader);
        if (firstValues.keySet().stream().anyMatch("content-type"::equalsIgnoreCase)) {
            builder.withContentType(firstValues.entrySet().stream().filter(e -> e.getKey()
                    .equalsIgnoreCase("content-type")).findFirst().orElseThrow().getValue());
        }
        BasicCredentials credentials = new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT);
        Map<String, String> auth;
        if (derived) {
            credentials.processDerivedAuthParams("iotdm", "cn-north-4");
            auth = DerivedAKSKSigner.getInstance().sign(builder.build(), credentials);
        } else {
            auth = AKSKSigner.getInstance().sign(builder.build(), credentials);
        }
        List<String[]> headers = new ArrayList<>(sent);
        headers.add(new String[] {"Host", host});
        auth.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                headers.add(new String[] {name, value});
            }
        });
        return new ClientRequest(method, path, query, headers, body);
    }

    static Stream<Arguments> contentTypes() {
        return Stream.of(false, true).flatMap(derived -> Stream.of(
                "application/json;charset=utf-8", "application/json; charset=utf-8", "application/json;charset=UTF-8",
                "application/json; charset=UTF-8", "APPLICATION/JSON", "application/json", "Application/Json",
                "application/json;charset=utf8").map(type -> Arguments.of(derived, type)));
    }

    @ParameterizedTest(name = "derived {0}: Content-Type: {1}")
    @MethodSource("contentTypes")
    void aSignedContentTypeReachesTheFunctionAsTheClientSpelledIt(boolean derived, String type) throws Exception {
        Answer answer = raw(signed(derived, "PUT", INSTANCES + "/" + INSTANCE, List.of(),
                List.<String[]>of(new String[] {"Content-Type", type}), "127.0.0.1:" + api.port(),
                "{\"description\": \"fidelity\"}").bytes());
        assertEquals(200, answer.status(), answer.body());
    }

    static Stream<Arguments> headerShapes() {
        return Stream.of(false, true).flatMap(derived -> Stream.of(
                Arguments.of(derived, "lower-case names", List.of(new String[] {"content-type", "application/json"},
                        new String[] {"x-project-id", PROJECT}), "127.0.0.1:PORT"),
                Arguments.of(derived, "upper-case names", List.of(new String[] {"CONTENT-TYPE", "application/json"},
                        new String[] {"X-PROJECT-ID", PROJECT}), "127.0.0.1:PORT"),
                Arguments.of(derived, "a repeated header", List.of(new String[] {"Content-Type", "application/json"},
                        new String[] {"X-Trace", "first"}, new String[] {"X-Trace", "second"}), "127.0.0.1:PORT"),
                Arguments.of(derived, "Host without a port", List.<String[]>of(JSON_TYPE), "iotda.example.com"),
                Arguments.of(derived, "a value with inner spaces", List.of(JSON_TYPE,
                        new String[] {"X-Note", "two  spaces"}), "127.0.0.1:PORT")));
    }

    @ParameterizedTest(name = "derived {0}: {1}")
    @MethodSource("headerShapes")
    void signedHeadersOfAnyShapeAreVerifiedAsTheClientSignedThem(boolean derived, String shape, List<String[]> sent,
                                                                 String host) throws Exception {
        Answer answer = raw(signed(derived, "PUT", INSTANCES + "/" + INSTANCE, List.of(), sent,
                host.replace("PORT", Integer.toString(api.port())), "{\"description\": \"fidelity\"}").bytes());
        assertEquals(200, answer.status(), shape + ": " + answer.body());
    }

    @Test
    void repeatedQueryKeysAreSignedEveryValueAndTheLastOneServes() throws Exception {
        for (boolean derived : List.of(false, true)) {
            Answer answer = raw(signed(derived, "GET", INSTANCES, List.of(new String[] {"limit", "3"},
                    new String[] {"limit", "2"}), List.of(), "127.0.0.1:" + api.port(), null).bytes());
            assertEquals(200, answer.status(), answer.body());
            // As API Gateway's queryStringParameters: the last value of a repeated key.
            assertEquals(2, answer.json().get("instances").size(), answer.body());
        }
    }

    @Test
    void malformedPercentEncodingIsTheClientsMistake() throws Exception {
        for (String target : List.of(INSTANCES + "?limit=%zz", INSTANCES + "?%zz=1", INSTANCES + "?limit=%",
                INSTANCES + "/%zz", INSTANCES + "/%")) {
            Answer answer = raw(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: demo-token-0e3f2c8a"
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(400, answer.status(), target + ": " + answer.body());
            assertInTheApisBody(answer, target);
        }
    }

    @Test
    void requestsTheHttpServerRefusesAreAnsweredInTheApisBody() throws Exception {
        String big = "a".repeat(9 * 1024);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("a control character in a header", "GET " + INSTANCES + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Note: a\u0001b\r\n\r\n");
        cases.put("%00 in the path", "GET " + INSTANCES + "/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        cases.put("headers over 8 KB", "GET " + INSTANCES + " HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big
                + "\r\n\r\n");
        cases.put("a URI over 8 KB", "GET " + INSTANCES + "?name=" + big + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        cases.put("a blank Host", "GET " + INSTANCES + " HTTP/1.1\r\nHost: \r\n\r\n");
        cases.put("Content-Length with Transfer-Encoding", "POST " + INSTANCES + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            Answer answer = raw(entry.getValue().getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(answer.status() >= 400 && answer.status() < 500, entry.getKey() + ": " + answer);
            assertInTheApisBody(answer, entry.getKey());
        }
    }

    private static void assertInTheApisBody(Answer answer, String what) throws IOException {
        assertEquals("application/json", answer.headers().get("content-type"), what + ": " + answer);
        String requestId = answer.headers().get("x-request-id");
        assertTrue(requestId != null && !requestId.isBlank(), what + ": " + answer.headers());
        JsonNode body = answer.json();
        assertTrue(body.path("error_code").asText().matches("[A-Z]+\\.\\d{4,6}"), what + ": " + answer.body());
        assertTrue(!body.path("error_msg").asText().isBlank(), what + ": " + answer.body());
        assertEquals(requestId, body.path("request_id").asText(requestId), what);
    }

    @Test
    void aSlowClientHoldsOnlyItsOwnRequest() throws Exception {
        List<Socket> slow = new ArrayList<>();
        ExecutorService normal = Executors.newFixedThreadPool(8);
        try {
            // More slow bodies than the server has threads: each sends its headers and one byte of a 100-byte body.
            for (int i = 0; i < 40; i++) {
                Socket socket = new Socket("127.0.0.1", api.port());
                socket.getOutputStream().write(("PUT " + INSTANCES + "/" + INSTANCE + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-Auth-Token: demo-token-0e3f2c8a\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(normal.submit(() -> raw(("GET " + INSTANCES + "/" + INSTANCE + " HTTP/1.1\r\nHost: "
                        + "localhost\r\nX-Auth-Token: demo-token-0e3f2c8a\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1))));
            }
            // Every normal call is answered while the slow bodies are still incomplete (none of them was sent on).
            for (Future<Answer> answer : answers) {
                assertEquals(200, answer.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS).status());
            }
            for (Socket socket : slow) {
                socket.setSoTimeout(1);
                try {
                    assertEquals(-1, socket.getInputStream().read(), "a slow request has no answer yet");
                } catch (SocketTimeoutException stillWaiting) {
                    // the request is still open: its body has not arrived
                }
            }
        } finally {
            normal.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}

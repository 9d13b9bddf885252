package cloud.iotda.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.testing.CapturedLogs;
import cloud.iotda.testing.PojoEvents;
import cloud.iotda.testing.TestWorld;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile input at the HTTP edge, generated: random and mutated bodies (truncated, deeply nested, huge numbers,
 * NaN, control characters, bytes that are not UTF-8, duplicate keys, wrong types, over 64 KiB), paths, query
 * strings, headers and credentials, for every operation. Whatever comes in: never a 5xx, always the documented body
 * for an error, and nothing written for a refused request. The seed is fixed and tries bounded (junit-platform
 * properties); {@code -Djqwik.tries.default=20000} runs longer.
 */
class ApiGatewayPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "20261125";
    private static final List<String> VALID_BODIES = List.of(
            "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}",
            "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3},\"delay\":true,\"is_auto_pay\":false}",
            "{\"period_type\":\"year\",\"period_num\":1,\"is_auto_renew\":true}",
            "{\"name\":\"plant-7\",\"operate_window\":{\"start_time\":\"01:00\",\"end_time\":\"03:00\"}}",
            "{\"access_info\":{\"access_type\":\"APP_HTTPS\",\"domain_name\":\"a.example.com\"},"
                    + "\"forwarding_info\":{\"enable_snat\":true}}",
            "{\"instance_type\":\"standard\",\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2},\"name\":\"n\","
                    + "\"charge_info\":{\"charge_mode\":\"postPaid\"},\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}",
            "{\"tags\":[{\"key\":\"team\",\"value\":\"plant\"},{\"key\":\"site\"}]}");
    private static final Pattern VALUE =
            Pattern.compile("(:\\s*)(\"[^\"]*\"|[-0-9.]+|true|false)");
    private static final List<String> ODD_VALUES = List.of("1e999999", "-0", "1.5", "NaN", "Infinity",
            "99999999999999999999999999", "\"\\u0000\"", "\"\u0007\"", "true", "null", "[]", "{}", "\"\"",
            "\"\\ud800\"", "-1", "0", "\"" + "x".repeat(300) + "\"");

    /** One request, as API Gateway would hand it to the function. */
    record Request(Operation operation, String projectId, String instanceId, Map<String, String> query,
                   Map<String, String> headers, String body, boolean base64) {
    }

    @BeforeContainer
    static void captureLogs() {
        CapturedLogs.start();
    }

    @AfterContainer
    static void logsHoldNoCredential() {
        CapturedLogs.assertNoCredentials(TestWorld.CREDENTIALS);
    }

    @Property(seed = SEED)
    void anyBodyOnAnyOperationIsAnsweredWithoutA5xxAndWritesNothingWhenRefused(
            @ForAll("bodyRequests") Request request) throws Exception {
        assertDocumentedAnswer(request);
    }

    @Property(seed = SEED)
    void anyPathQueryHeadersAndCredentialsAreAnsweredWithoutA5xx(@ForAll("envelopeRequests") Request request)
            throws Exception {
        assertDocumentedAnswer(request);
    }

    private static void assertDocumentedAnswer(Request request) throws Exception {
        TestWorld world = TestWorld.inMemory();
        Object before = world.state();
        APIGatewayProxyResponseEvent response = PojoEvents.handle(world.service.gateway(request.operation()),
                event(request));

        int status = response.getStatusCode();
        Statistics.collect(status, status >= 400 ? JSON.readTree(response.getBody()).path("error_code").asText()
                : "");
        assertTrue(status < 500, status + " " + response.getBody() + " for " + request);
        assertNotNull(response.getHeaders().get("X-Request-Id"));
        if (status >= 400) {
            JsonNode body = JSON.readTree(response.getBody());
            Set<String> fields = new HashSet<>();
            body.fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("error_code", "error_msg"), fields, response.getBody());
            String codes = switch (request.operation().api()) {
                case IOTDA -> "IOTDA\\.\\d{6}";
                case IAM -> "IAM\\.\\d{4}|IOTDA\\.060(503|500)";
                case BSS -> "CBC\\.\\d{4,8}|APIGW\\.0301|IOTDA\\.060(503|500)";
            };
            assertTrue(body.get("error_code").asText().matches(codes), response.getBody());
            String message = body.get("error_msg").asText();
            assertFalse(message.contains("Exception") || message.contains("cloud.iotda") || message.contains("\tat "),
                    message);
            assertEquals(before, world.state(), "a refused request writes nothing: " + request);
        }
    }

    private static APIGatewayProxyRequestEvent event(Request request) {
        Route route = request.operation().routes().get(0);
        Map<String, String> path = new HashMap<>();
        path.put("project_id", request.projectId());
        if (route.path().contains("{instance_id}")) {
            path.put("instance_id", request.instanceId());
        }
        if (route.path().contains("{order_id}")) {
            path.put("order_id", "CS2601151000ABCDE");
        }
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(route.method())
                .withResource(route.path())
                .withPath(route.path())
                .withPathParameters(path)
                .withQueryStringParameters(request.query().isEmpty() ? null : request.query())
                .withHeaders(request.headers())
                .withBody(request.body())
                .withIsBase64Encoded(request.base64())
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("req-p"));
    }

    // --- bodies ---

    @Provide
    Arbitrary<Request> bodyRequests() {
        Arbitrary<Operation> operations = Arbitraries.of(Operation.RESIZE, Operation.CHANGE_CHARGE_MODE,
                Operation.UPDATE_INSTANCE, Operation.CREATE_INSTANCE, Operation.BIND_TAGS, Operation.UNBIND_TAGS);
        Arbitrary<String> instances = Arbitraries.of(TestWorld.STANDARD, TestWorld.ENTERPRISE, TestWorld.PREPAID,
                TestWorld.S0);
        Arbitrary<String> contentTypes = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "")));
        Arbitrary<Map.Entry<String, Boolean>> bodies = Arbitraries.frequencyOf(
                Tuple.of(8, textBodies().map(body -> Map.entry(body, false))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)
                        .map(bytes -> Map.entry(Base64.getEncoder().encodeToString(bytes), true))),
                Tuple.of(1, textBodies().map(body -> Map.entry(Base64.getEncoder().encodeToString(
                        body.getBytes(StandardCharsets.UTF_8)), true))));
        return Combinators.combine(operations, instances, contentTypes, bodies).as((operation, instance, type, body) ->
                new Request(operation, TestWorld.PROJECT, instance, Map.of(),
                        type.isEmpty() ? Map.of("X-Auth-Token", TestWorld.TOKEN)
                                : Map.of("X-Auth-Token", TestWorld.TOKEN, "Content-Type", type),
                        body.getKey(), body.getValue()));
    }

    private static Arbitrary<String> textBodies() {
        Arbitrary<String> valid = Arbitraries.of(VALID_BODIES);
        // Each value of a valid body replaced by an odd one, one at a time or all at once.
        Arbitrary<String> oddOne = Combinators.combine(valid, Arbitraries.of(ODD_VALUES), Arbitraries.integers()
                .between(0, 12)).as((body, odd, which) -> replaceValue(body, odd, which));
        return Arbitraries.frequencyOf(
                Tuple.of(2, valid),
                Tuple.of(6, oddOne),
                Tuple.of(1, Combinators.combine(valid, Arbitraries.of(ODD_VALUES)).as((body, odd) -> body.replaceAll(
                        "(:\\s*)(\"[^\"]*\"|[-0-9.]+|true|false)", "$1" + odd.replace("\\", "\\\\")))),
                Tuple.of(2, Combinators.combine(valid, Arbitraries.integers().between(0, 200))
                        .as((body, cut) -> body.substring(0, Math.min(cut, body.length())))),
                Tuple.of(1, valid.map(body -> body.substring(0, body.length() - 1) + "," + body.substring(1))),
                Tuple.of(1, Arbitraries.integers().between(1, 5000).map(depth -> "{\"flavor\":" + "[".repeat(depth)
                        + "]".repeat(depth) + "}")),
                Tuple.of(1, Arbitraries.integers().between(1, 3000).map(depth -> "{\"a\":".repeat(depth) + "1"
                        + "}".repeat(depth))),
                Tuple.of(1, Arbitraries.integers().between(65_000, 70_000).map(size -> "{\"name\":\""
                        + "n".repeat(size) + "\"}")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(80)),
                Tuple.of(1, Arbitraries.strings().withChars("{}[]\":,0123456789.-eEtrufalsn \\u").ofMaxLength(60)),
                Tuple.of(1, Arbitraries.of("", " ", "null", "[]", "\"text\"", "42", "{}", "{\"tags\":[]}",
                        "{\"tags\":null}")));
    }

    /** {@code body} with its {@code which}-th scalar value (counting from 0, wrapping) replaced by {@code odd}. */
    private static String replaceValue(String body, String odd, int which) {
        Matcher values = VALUE.matcher(body);
        List<int[]> spans = new ArrayList<>();
        while (values.find()) {
            spans.add(new int[] {values.start(2), values.end(2)});
        }
        int[] span = spans.get(which % spans.size());
        return body.substring(0, span[0]) + odd + body.substring(span[1]);
    }

    // --- paths, query strings, headers, credentials ---

    @Provide
    Arbitrary<Request> envelopeRequests() {
        Arbitrary<Operation> operations = Arbitraries.of(Operation.values());
        Arbitrary<String> projects = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(TestWorld.PROJECT)),
                Tuple.of(1, Arbitraries.of(TestWorld.OTHER_PROJECT, "")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(70)));
        Arbitrary<String> instances = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(TestWorld.STANDARD, TestWorld.ENTERPRISE, TestWorld.MISSING,
                        TestWorld.FROZEN)),
                Tuple.of(1, Arbitraries.of("", "..", "a".repeat(37), "%2e%2e", "A-B")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(50)));
        Arbitrary<String> anyText = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("0", "-1", "1", "500", "501", "99999999999", "1.5", "", "0x10", "CS2601151000ABCDE",
                        "0123456789abcdef01234567"));
        Arbitrary<Map<String, String>> queries = Arbitraries.maps(Arbitraries.of("limit", "offset", "marker", "name",
                "instance_type", "other"), anyText).ofMaxSize(4);
        Arbitrary<String> tokens = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(TestWorld.TOKEN)),
                Tuple.of(3, Arbitraries.of(TestWorld.OTHER_PROJECT_TOKEN, TestWorld.EXPIRED_TOKEN, "")),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(64)),
                Tuple.of(1, Arbitraries.integers().between(1_000_000, 1_100_000).map("t"::repeat)));
        Arbitrary<String> authorizations = Arbitraries.oneOf(anyText,
                anyText.map(text -> "SDK-HMAC-SHA256 " + text),
                anyText.map(text -> "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=" + text),
                anyText.map(text -> "V11-HMAC-SHA256 Credential=" + text + ", SignedHeaders=host, Signature=00"));
        Arbitrary<Integer> present = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(1)),
                Tuple.of(2, Arbitraries.integers().between(0, 7)));
        Arbitrary<Map<String, String>> headers = Combinators.combine(tokens, authorizations, anyText, present)
                .as((token, authorization, date, which) -> {
                    Map<String, String> map = new HashMap<>();
                    if ((which & 1) != 0) {
                        map.put("X-Auth-Token", token);
                    }
                    if ((which & 2) != 0) {
                        map.put("Authorization", authorization);
                    }
                    if ((which & 4) != 0) {
                        map.put("X-Sdk-Date", date);
                        map.put("X-Project-Id", TestWorld.PROJECT);
                    }
                    return map;
                });
        return Combinators.combine(operations, projects, instances, queries, headers)
                .as((operation, project, instance, query, header) ->
                        new Request(operation, project, instance, query, header, null, false));
    }
}

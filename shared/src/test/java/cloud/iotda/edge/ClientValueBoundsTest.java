package cloud.iotda.edge;

import static cloud.iotda.testing.TestWorld.ENTERPRISE;
import static cloud.iotda.testing.TestWorld.HISTORY;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.REGION;
import static cloud.iotda.testing.TestWorld.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.testing.PojoEvents;
import cloud.iotda.testing.SdkSignatures;
import cloud.iotda.testing.TestWorld;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every value a client sends that could reach DynamoDB, at its bound and past it, on DynamoDB Local: at the bound
 * the operation's own answer (a lookup that finds nothing), past it the documented 4xx before any DynamoDB call;
 * never a 503 or 500 from a key DynamoDB refuses (partition keys of at most 2,048 bytes, sort keys of 1,024, no
 * empty key attributes). And the largest instance the body rules allow stays well inside DynamoDB's 400 KB item.
 */
class ClientValueBoundsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTANCES = "/v5/iot/{project_id}/iotda-instances";
    private static final String INSTANCE = INSTANCES + "/{instance_id}";

    private final TestWorld world = new TestWorld();

    /** A request of {@code operation} with path parameters, query and headers as given (the token unless signed). */
    private JsonNode send(Operation operation, Map<String, String> path, Map<String, String> query,
                          Map<String, String> headers, String body, int status) throws Exception {
        String resource = operation.routes().get(0).path();
        String concrete = resource;
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            concrete = concrete.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod(operation.routes().get(0).method()).withResource(resource).withPath(concrete)
                .withPathParameters(new HashMap<>(path)).withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(headers).withBody(body)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId(UUID.randomUUID().toString()));
        APIGatewayProxyResponseEvent response = PojoEvents.handle(world.service.gateway(operation), event);
        JsonNode answer = response.getBody() == null ? JSON.nullNode() : JSON.readTree(response.getBody());
        assertEquals(status, response.getStatusCode(), answer.toString());
        return answer;
    }

    private static Map<String, String> token() {
        return Map.of("X-Auth-Token", TOKEN, "Content-Type", "application/json");
    }

    private Map<String, String> signedBy(String accessKeyId, boolean derived) {
        String path = "/v5/iot/" + PROJECT + "/iotda-instances/" + ENTERPRISE;
        return derived
                ? SdkSignatures.signDerived("GET", "https://iotda.example.com", path, Map.of(), "",
                        world.clock.instant(), accessKeyId, "secret", PROJECT, REGION, "iotdm")
                : SdkSignatures.sign("GET", "https://iotda.example.com", path, Map.of(), "", world.clock.instant(),
                        accessKeyId, "secret", PROJECT);
    }

    static Stream<Arguments> accessKeyIds() {
        return Stream.of(false, true).flatMap(derived -> Stream.of(
                Arguments.of(derived, 128, "the access key is not valid"),
                Arguments.of(derived, 129, "the access key id must be 1..128 letters and digits"),
                Arguments.of(derived, 2_049, "the access key id must be 1..128 letters and digits"),
                Arguments.of(derived, 20_000, "the access key id must be 1..128 letters and digits")));
    }

    @ParameterizedTest(name = "derived {0}: an access key id of {1} characters")
    @MethodSource("accessKeyIds")
    void anAccessKeyIdOfAnyLengthIsA401(boolean derived, int length, String message) throws Exception {
        JsonNode answer = send(Operation.SHOW_INSTANCE, Map.of("project_id", PROJECT, "instance_id", ENTERPRISE),
                Map.of(), signedBy("A".repeat(length), derived), null, 401);
        assertEquals("IOTDA.000002", answer.path("error_code").asText());
        assertTrue(answer.path("error_msg").asText().contains(message), answer.toString());
    }

    @Test
    void aTokenAtItsDocumentedMaximumIsLookedUpByItsHashAndOnePastItIsMalformed() throws Exception {
        Map<String, String> path = Map.of("project_id", PROJECT, "instance_id", ENTERPRISE);
        JsonNode atBound = send(Operation.SHOW_INSTANCE, path, Map.of(),
                Map.of("X-Auth-Token", "t".repeat(1_024_000)), null, 401);
        assertTrue(atBound.path("error_msg").asText().contains("not valid"), atBound.toString());
        JsonNode past = send(Operation.SHOW_INSTANCE, path, Map.of(), Map.of("X-Auth-Token", "t".repeat(1_024_001)),
                null, 401);
        assertTrue(past.path("error_msg").asText().contains("malformed"), past.toString());
    }

    @Test
    void aProjectIdOfAnyLengthIsRefusedByTheCredentialsFirst() throws Exception {
        for (String project : List.of("p".repeat(64), "p".repeat(2_049), "")) {
            JsonNode answer = send(Operation.SHOW_INSTANCE, Map.of("project_id", project, "instance_id", ENTERPRISE),
                    Map.of(), token(), null, 403);
            assertEquals("IOTDA.000004", answer.path("error_code").asText());
        }
    }

    @Test
    void pathIdsAtTheirBoundAreLookedUpAndPastItAre400() throws Exception {
        String instance = "a".repeat(36);
        send(Operation.SHOW_INSTANCE, Map.of("project_id", PROJECT, "instance_id", instance), Map.of(), token(),
                null, 404);
        send(Operation.SHOW_INSTANCE, Map.of("project_id", PROJECT, "instance_id", "a".repeat(37)), Map.of(),
                token(), null, 400);
        send(Operation.SHOW_INSTANCE, Map.of("project_id", PROJECT, "instance_id", "a".repeat(2_049)), Map.of(),
                token(), null, 400);
        send(Operation.SHOW_ORDER, Map.of("project_id", PROJECT, "instance_id", HISTORY,
                "order_id", "CS260115100000ZZZZZ"), Map.of(), token(), null, 404);
        send(Operation.SHOW_ORDER, Map.of("project_id", PROJECT, "instance_id", HISTORY,
                "order_id", "CS2601151000000ZZZZZ"), Map.of(), token(), null, 400);
        send(Operation.SHOW_TASK, Map.of("project_id", PROJECT, "instance_id", HISTORY,
                "task_id", "f".repeat(64)), Map.of(), token(), null, 404);
        send(Operation.SHOW_TASK, Map.of("project_id", PROJECT, "instance_id", HISTORY,
                "task_id", "f".repeat(65)), Map.of(), token(), null, 400);
    }

    @Test
    void markersAtTheirBoundPageAndPastItAre400() throws Exception {
        Map<String, String> project = Map.of("project_id", PROJECT);
        send(Operation.LIST_INSTANCES, project, Map.of("marker", "f".repeat(24)), token(), null, 200);
        send(Operation.LIST_INSTANCES, project, Map.of("marker", "f".repeat(25)), token(), null, 400);
        send(Operation.LIST_INSTANCES, project, Map.of("marker", "f".repeat(2_049)), token(), null, 400);
        Map<String, String> instance = Map.of("project_id", PROJECT, "instance_id", HISTORY);
        send(Operation.LIST_ORDERS, instance, Map.of("marker", "CS2601151000ZZZZZ"), token(), null, 200);
        send(Operation.LIST_ORDERS, instance, Map.of("marker", "CS2601151000ZZZZZZ"), token(), null, 400);
        send(Operation.LIST_TASKS, instance, Map.of("marker", "f".repeat(64)), token(), null, 200);
        send(Operation.LIST_TASKS, instance, Map.of("marker", "f".repeat(65)), token(), null, 400);
        send(Operation.LIST_FLAVORS, project, Map.of("marker", "iotda.standard.s1"), token(), null, 200);
        send(Operation.LIST_FLAVORS, project, Map.of("marker", "x".repeat(2_049)), token(), null, 400);
    }

    @Test
    void theLargestInstanceTheRulesAllowIsWellInsideDynamoDbsItemLimit() throws Exception {
        Map<String, String> path = Map.of("project_id", PROJECT, "instance_id", ENTERPRISE);
        String han = "\u8bbe";
        send(Operation.UPDATE_INSTANCE, path, Map.of(), token(), "{\"name\": \"" + han.repeat(64)
                + "\", \"description\": \"" + han.repeat(256) + "\"}", 200);
        StringBuilder tags = new StringBuilder("{\"tags\": [");
        for (int i = 0; i < 20; i++) {
            String key = String.format("%02d", i) + "k".repeat(34);
            tags.append(i == 0 ? "" : ",").append("{\"key\": \"").append(key).append("\", \"value\": \"")
                    .append("v".repeat(43)).append("\"}");
        }
        send(Operation.BIND_TAGS, path, Map.of(), token(), tags.append("]}").toString(), 200);
        for (String type : List.of("APP_HTTPS", "APP_AMQP", "APP_MQTT")) {
            StringBuilder access = new StringBuilder("{\"access_info\": {\"access_type\": \"" + type
                    + "\", \"domain_name\": \"" + ("d".repeat(61) + ".").repeat(4) + "com\", \"ip_whitelist\": "
                    + "{\"enable\": true, \"allow_list\": [");
            for (int i = 0; i < 100; i++) {
                access.append(i == 0 ? "" : ",").append("{\"address\": \"")
                        .append(String.format("2001:0db8:85a3:0000:0000:8a2e:%04x:7334/128", i))
                        .append("\", \"description\": \"").append(han.repeat(128)).append("\"}");
            }
            String body = access.append("]}}}").toString();
            assertTrue(body.getBytes(StandardCharsets.UTF_8).length <= Json.MAX_BODY_BYTES, "one body within 64 KB");
            send(Operation.UPDATE_INSTANCE, path, Map.of(), token(), body, 200);
        }
        Map<String, AttributeValue> item = world.allItems().stream()
                .filter(candidate -> candidate.get("pk").s().endsWith(ENTERPRISE) && candidate.get("sk").s()
                        .equals("#META")).findFirst().orElseThrow();
        long bytes = itemBytes(item);
        System.out.println("the largest instance the rules allow: " + bytes + " bytes as DynamoDB counts them");
        assertTrue(bytes < 200 * 1024, bytes + " bytes: under half of DynamoDB's 400 KB item");
        send(Operation.SHOW_INSTANCE, path, Map.of(), token(), null, 200);
    }

    /** An item's size as DynamoDB counts it: each attribute's name and value, in UTF-8, nested ones included. */
    private static long itemBytes(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + valueBytes(attribute.getValue());
        }
        return bytes;
    }

    private static long valueBytes(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value.n() != null) {
            return value.n().length();
        }
        if (value.hasM()) {
            return 3 + itemBytes(value.m());
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(element -> 1 + valueBytes(element)).sum();
        }
        return 1;
    }
}

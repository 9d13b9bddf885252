package cloud.iotda.edge;

import cloud.iotda.domain.Rejected;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.port.Unavailable;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads an API Gateway proxy event (payload 1.0, the JSON Lambda hands a function) straight into an
 * {@link ApiRequest}, runs one endpoint and gives its result, or its refusal, as the response. Every response carries
 * X-Request-Id and, with a body, a JSON content type; an unexpected failure is logged with the request id and
 * answered with a generic 500.
 */
public final class ApiGateway {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final Endpoint endpoint;

    public ApiGateway(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The answer to {@code event}, the proxy event as JSON (null or not an object: refused as empty). */
    public ApiResponse handle(JsonNode event) {
        String requestId = requestIdOf(event);
        ApiResponse response;
        try {
            response = endpoint.handle(toRequest(event));
        } catch (Rejected rejected) {
            response = errorResponse(ApiError.of(rejected.reason()), rejected.facts());
        } catch (Unavailable e) {
            Log.error(requestId, "dependency unavailable", e);
            long seconds = Math.max(1, e.retryAfter().toSeconds());
            ApiResponse error = errorResponse(ApiError.UNAVAILABLE, List.of(seconds));
            response = new ApiResponse(error.status(), error.body(), Map.of("Retry-After", Long.toString(seconds)));
        } catch (RuntimeException | Error e) {
            // An Error too (a stack overflow, a class that failed to load): the client still gets the documented
            // body; a JVM that cannot go on is replaced by Lambda after this answer.
            Log.error(requestId, "unexpected failure", e);
            response = errorResponse(ApiError.INTERNAL, List.of());
        }
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put(REQUEST_ID_HEADER, requestId);
        if (response.body() != null) {
            headers.put("Content-Type", "application/json");
        }
        return new ApiResponse(response.status(), response.body(), headers);
    }

    /** The documented error body: {@code {"error_code": ..., "error_msg": ...}}. */
    public static ApiResponse errorResponse(ApiError error, List<Object> facts) {
        return new ApiResponse(error.status(), JsonTrees.write(JsonTrees.object()
                .put("error_code", error.code())
                .put("error_msg", error.message(facts))));
    }

    private static String requestIdOf(JsonNode event) {
        String id = event == null ? null : text(event.path("requestContext"), "requestId");
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }

    private static ApiRequest toRequest(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw Rejected.invalid("the request is empty");
        }
        // The path the client addressed (with the stage, behind API Gateway): request signatures cover it.
        String path = text(event.path("requestContext"), "path");
        // Every value as the client sent it: API Gateway's multi-value maps, or else its single-value ones.
        return new ApiRequest(
                text(event, "httpMethod"),
                path != null ? path : text(event, "path"),
                strings(event.get("pathParameters")),
                values(event.get("queryStringParameters"), event.get("multiValueQueryStringParameters")),
                values(event.get("headers"), event.get("multiValueHeaders")),
                bodyOf(event));
    }

    private static byte[] bodyOf(JsonNode event) {
        String body = text(event, "body");
        if (body == null) {
            return new byte[0];
        }
        if (event.path("isBase64Encoded").asBoolean(false)) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw Rejected.malformed("request body is not valid base64");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Each name's values: all of them from the multi-value map, else the one of the single-value map. */
    private static Map<String, List<String>> values(JsonNode single, JsonNode multi) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (multi != null && multi.isObject()) {
            multi.fields().forEachRemaining(entry -> {
                List<String> list = new ArrayList<>();
                entry.getValue().forEach(value -> list.add(value.isNull() ? null : value.asText()));
                if (!list.isEmpty() && !list.contains(null)) {
                    values.put(entry.getKey(), list);
                }
            });
        }
        strings(single).forEach((name, value) -> values.putIfAbsent(name, List.of(value)));
        return values;
    }

    /** An object of strings; a null value, or anything but an object, is no entry. */
    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (!entry.getValue().isNull()) {
                    map.put(entry.getKey(), entry.getValue().asText());
                }
            });
        }
        return map;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

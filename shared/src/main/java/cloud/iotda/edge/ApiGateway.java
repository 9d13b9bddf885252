package cloud.iotda.edge;

import cloud.iotda.domain.Rejected;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.port.Unavailable;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an API Gateway proxy event into an {@link ApiRequest}, runs one endpoint and turns its result, or its
 * refusal, into the proxy response. Every response carries X-Request-Id and a JSON content type; an unexpected
 * failure is logged with the request id and answered with a generic 500.
 */
public final class ApiGateway {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final Endpoint endpoint;

    public ApiGateway(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
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
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(response.body())
                .withIsBase64Encoded(false);
    }

    /** The documented error body: {@code {"error_code": ..., "error_msg": ...}}. */
    public static ApiResponse errorResponse(ApiError error, List<Object> facts) {
        return new ApiResponse(error.status(), JsonTrees.write(JsonTrees.object()
                .put("error_code", error.code())
                .put("error_msg", error.message(facts))));
    }

    private static String requestIdOf(APIGatewayProxyRequestEvent event) {
        var context = event == null ? null : event.getRequestContext();
        String id = context == null ? null : context.getRequestId();
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }

    private static ApiRequest toRequest(APIGatewayProxyRequestEvent event) {
        if (event == null) {
            throw Rejected.invalid("the request is empty");
        }
        // Every value as the client sent it: API Gateway's multi-value maps, or else its single-value ones.
        Map<String, List<String>> headers = values(event.getHeaders(), event.getMultiValueHeaders());
        // The path the client addressed (with the stage, behind API Gateway): request signatures cover it.
        var context = event.getRequestContext();
        String path = context != null && context.getPath() != null ? context.getPath() : event.getPath();
        return new ApiRequest(
                event.getHttpMethod(),
                path,
                nonNull(event.getPathParameters()),
                values(event.getQueryStringParameters(), event.getMultiValueQueryStringParameters()),
                headers,
                bodyOf(event));
    }

    private static byte[] bodyOf(APIGatewayProxyRequestEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw Rejected.malformed("request body is not valid base64");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Each name's values: all of them from the multi-value map, else the one of the single-value map. */
    private static Map<String, List<String>> values(Map<String, String> single, Map<String, List<String>> multi) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (multi != null) {
            multi.forEach((name, list) -> {
                if (name != null && list != null && !list.isEmpty() && !list.contains(null)) {
                    values.put(name, list);
                }
            });
        }
        nonNull(single).forEach((name, value) -> values.putIfAbsent(name, List.of(value)));
        return values;
    }

    private static Map<String, String> nonNull(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> copy = new HashMap<>();
        map.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}

package cloud.iotda.edge;

import cloud.iotda.json.JsonTrees;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway's proxy event (payload 1.0) read from, and its response written to, the JSON Lambda hands a
 * function, field by field: faster to start than the runtime's reflective mapping of the same types (its own
 * serialization library and modules load only for POJO handlers), and it reads only what the edge uses.
 */
public final class ProxyEvents {
    private ProxyEvents() {
    }

    /** The event, or null if the input is not a JSON object. */
    public static APIGatewayProxyRequestEvent read(InputStream input) throws IOException {
        JsonNode root;
        try {
            root = JsonTrees.read(input);
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode context = root.path("requestContext");
        APIGatewayProxyRequestEvent.ProxyRequestContext requestContext =
                new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId(text(context, "requestId"))
                        .withPath(text(context, "path"))
                        .withResourcePath(text(context, "resourcePath"))
                        .withHttpMethod(text(context, "httpMethod"))
                        .withStage(text(context, "stage"))
                        .withApiId(text(context, "apiId"))
                        .withAccountId(text(context, "accountId"));
        JsonNode identity = context.path("identity");
        if (identity.isObject()) {
            requestContext.withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity()
                    .withSourceIp(text(identity, "sourceIp"))
                    .withUserAgent(text(identity, "userAgent")));
        }
        JsonNode base64 = root.get("isBase64Encoded");
        return new APIGatewayProxyRequestEvent()
                .withResource(text(root, "resource"))
                .withPath(text(root, "path"))
                .withHttpMethod(text(root, "httpMethod"))
                .withHeaders(strings(root.get("headers")))
                .withMultiValueHeaders(lists(root.get("multiValueHeaders")))
                .withQueryStringParameters(strings(root.get("queryStringParameters")))
                .withMultiValueQueryStringParameters(lists(root.get("multiValueQueryStringParameters")))
                .withPathParameters(strings(root.get("pathParameters")))
                .withStageVariables(strings(root.get("stageVariables")))
                .withRequestContext(requestContext)
                .withBody(text(root, "body"))
                .withIsBase64Encoded(base64 != null && base64.asBoolean());
    }

    /** The response as Lambda's proxy integration expects it. */
    public static void write(APIGatewayProxyResponseEvent response, OutputStream output) throws IOException {
        try (JsonGenerator json = JsonTrees.generator(output)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.getStatusCode());
            json.writeObjectFieldStart("headers");
            if (response.getHeaders() != null) {
                for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                    json.writeStringField(header.getKey(), header.getValue());
                }
            }
            json.writeEndObject();
            if (response.getBody() != null) {
                json.writeStringField("body", response.getBody());
            }
            json.writeBooleanField("isBase64Encoded", Boolean.TRUE.equals(response.getIsBase64Encoded()));
            json.writeEndObject();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> strings(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isNull()) {
                map.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return map;
    }

    private static Map<String, List<String>> lists(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, List<String>> map = new HashMap<>();
        node.fields().forEachRemaining(entry -> {
            List<String> values = new ArrayList<>();
            entry.getValue().forEach(value -> values.add(value.asText()));
            map.put(entry.getKey(), values);
        });
        return map;
    }
}

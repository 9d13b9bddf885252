package cloud.iotda.edge;

import cloud.iotda.json.JsonTrees;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The JSON Lambda hands a function and takes back: API Gateway's proxy event as a JSON tree ({@link ApiGateway} reads
 * the request from it) and the proxy response written field by field. No event classes between: the runtime's
 * reflective mapping and its serialization library load only for POJO handlers.
 */
public final class ProxyEvents {
    private ProxyEvents() {
    }

    /** The event as a JSON tree, or null if the input is not JSON. */
    public static JsonNode read(InputStream input) {
        try {
            return JsonTrees.read(input);
        } catch (IOException e) {
            return null;
        }
    }

    /** The response as Lambda's proxy integration expects it. */
    public static void write(ApiResponse response, OutputStream output) throws IOException {
        try (JsonGenerator json = JsonTrees.generator(output)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.status());
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            if (response.body() != null) {
                json.writeStringField("body", response.body());
            }
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        }
    }
}

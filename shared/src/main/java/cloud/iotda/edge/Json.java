package cloud.iotda.edge;

import cloud.iotda.domain.Rejected;
import cloud.iotda.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;

/**
 * A request body as the API takes it: one JSON object, strictly read (no duplicate keys, no trailing data, shallow
 * nesting), or the documented refusal. Trees are made and written with {@link JsonTrees}.
 */
public final class Json {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String JSON_MEDIA_TYPE = "application/json";

    private Json() {
    }

    /** The JSON object a request carries; a body of another declared media type cannot be read. */
    public static ObjectNode requestObject(ApiRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType != null && !contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)
                .equals(JSON_MEDIA_TYPE)) {
            throw Rejected.malformed("Content-Type must be " + JSON_MEDIA_TYPE + ", not " + contentType.strip());
        }
        return parseObject(request.body());
    }

    /**
     * Parses a request body that must be one JSON object: MALFORMED_REQUEST when it cannot be read as JSON,
     * INVALID_INPUT when it is missing or not an object.
     */
    public static ObjectNode parseObject(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw Rejected.malformed("request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        if (body.length == 0) {
            throw Rejected.invalid("request body is required");
        }
        JsonNode node;
        try {
            node = JsonTrees.read(body);
        } catch (StreamConstraintsException e) {
            throw Rejected.malformed("request body is nested too deeply");
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage();
            if (detail != null && detail.startsWith("Duplicate field")) {
                throw Rejected.malformed("request body has a duplicate field "
                        + detail.substring("Duplicate field ".length()));
            }
            throw Rejected.malformed("request body is not valid JSON");
        } catch (IOException e) {
            throw Rejected.malformed("request body is not valid JSON");
        }
        if (node == null || node.isMissingNode()) {
            throw Rejected.invalid("request body is required");
        }
        if (!(node instanceof ObjectNode object)) {
            throw Rejected.invalid("request body must be a JSON object");
        }
        return object;
    }

}

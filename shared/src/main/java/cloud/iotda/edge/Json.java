package cloud.iotda.edge;

import cloud.iotda.domain.Rejected;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Strict JSON in (no duplicate keys, no trailing data, shallow nesting) and plain JSON out. */
public final class Json {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
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
            node = MAPPER.readTree(body);
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

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}

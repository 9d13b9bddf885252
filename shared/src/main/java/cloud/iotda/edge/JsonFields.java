package cloud.iotda.edge;

import cloud.iotda.domain.Rejected;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of one JSON object's fields with no coercion: a string is never a number, 1.5 is never an integer.
 * A JSON null counts as absent. Messages name the field by its full path ("flavor.type").
 */
public final class JsonFields {
    private final ObjectNode object;
    private final String prefix;

    private JsonFields(ObjectNode object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    public static JsonFields of(ObjectNode object) {
        return new JsonFields(object, "");
    }

    /** Fields of an object that sits at {@code path} in a larger document, e.g. {@code instances[2].}. */
    public static JsonFields of(ObjectNode object, String path) {
        return new JsonFields(object, path);
    }

    /** The full path of a field of this object; {@code ""} names the object itself. */
    public String path(String name) {
        return name.isEmpty() && prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix + name;
    }

    public Optional<String> optionalString(String name) {
        return present(name).map(node -> text(name, node));
    }

    public String requiredString(String name) {
        return text(name, required(name));
    }

    public Optional<JsonFields> optionalObject(String name) {
        return present(name).map(node -> object(name, node));
    }

    public JsonFields requiredObject(String name) {
        return object(name, required(name));
    }

    /** An array of objects, each read under its own path ({@code tags[2].key}). */
    public Optional<List<JsonFields>> optionalObjects(String name) {
        return present(name).map(node -> objects(name, node));
    }

    public List<JsonFields> requiredObjects(String name) {
        return objects(name, required(name));
    }

    /** An array of strings. */
    public List<String> requiredStrings(String name) {
        return strings(name, required(name));
    }

    public Optional<List<String>> optionalStrings(String name) {
        return present(name).map(node -> strings(name, node));
    }

    /** An array of integers. */
    public Optional<List<Long>> optionalIntegers(String name) {
        return present(name).map(node -> {
            if (!node.isArray()) {
                throw Rejected.invalid(path(name) + " must be an array of integers");
            }
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                values.add(asLong(name + "[" + i + "]", node.get(i)));
            }
            return values;
        });
    }

    private List<String> strings(String name, JsonNode node) {
        if (!node.isArray()) {
            throw Rejected.invalid(path(name) + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw Rejected.invalid(path(name) + "[" + i + "] must be a string");
            }
            values.add(node.get(i).textValue());
        }
        return values;
    }

    /** Whether the field is given (not absent, not null). */
    public boolean has(String name) {
        return present(name).isPresent();
    }

    /** Integers beyond the long range are clamped, so the caller's range check names the rule. */
    public long requiredInteger(String name) {
        return asLong(name, required(name));
    }

    public Optional<Long> optionalInteger(String name) {
        return present(name).map(node -> asLong(name, node));
    }

    public boolean optionalBoolean(String name, boolean defaultValue) {
        return present(name).map(node -> {
            if (!node.isBoolean()) {
                throw Rejected.invalid(path(name) + " must be a boolean");
            }
            return node.booleanValue();
        }).orElse(defaultValue);
    }

    private Optional<JsonNode> present(String name) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    private JsonNode required(String name) {
        return present(name).orElseThrow(() -> Rejected.invalid(path(name) + " is required"));
    }

    private String text(String name, JsonNode node) {
        if (!node.isTextual()) {
            throw Rejected.invalid(path(name) + " must be a string");
        }
        return node.textValue();
    }

    private JsonFields object(String name, JsonNode node) {
        if (!(node instanceof ObjectNode child)) {
            throw Rejected.invalid(path(name) + " must be an object");
        }
        return new JsonFields(child, path(name) + ".");
    }

    private List<JsonFields> objects(String name, JsonNode node) {
        if (!(node instanceof ArrayNode array)) {
            throw Rejected.invalid(path(name) + " must be an array");
        }
        List<JsonFields> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof ObjectNode element)) {
                throw Rejected.invalid(path(name) + "[" + i + "] must be an object");
            }
            elements.add(new JsonFields(element, path(name) + "[" + i + "]."));
        }
        return elements;
    }

    private long asLong(String name, JsonNode node) {
        if (!node.isIntegralNumber()) {
            throw Rejected.invalid(path(name) + " must be an integer");
        }
        if (node.canConvertToLong()) {
            return node.longValue();
        }
        return node.bigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
}

package cloud.iotda.adapter.dynamodb.internal;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The single table's keys: attribute names, key spellings, the indexes' time formats and page cursors. */
public final class Keys {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String ENTITY = "entity";
    public static final String META = "#META";
    /** The indexes (template.yaml) and their key attributes. */
    public static final String BY_PROJECT = "ByProject";
    public static final String DUE_ORDERS = "DueOrders";
    public static final String BY_ORDER_ID = "ByOrderId";
    public static final String BY_CREATE_TIME = "ByCreateTime";
    public static final String DUE_KIND = "dueKind";
    public static final String DUE_AT = "dueAt";
    /** Fixed-width UTC text, so that an index sorts it as time. */
    public static final DateTimeFormatter CREATED_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    public static final DateTimeFormatter DUE_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String INSTANCE_PREFIX = "INSTANCE#";

    private Keys() {
    }

    public static Key key(String pk, String sk) {
        return Key.builder().partitionValue(pk).sortValue(sk).build();
    }

    /** A key as the attributes of an item or of a low-level request. */
    public static Map<String, AttributeValue> attributes(Key key) {
        return Map.of(PK, key.partitionKeyValue(), SK, key.sortKeyValue().orElseThrow());
    }

    /** The partition of an instance: its own row, its orders and its tasks. */
    public static String instancePk(InstanceRef ref) {
        return INSTANCE_PREFIX + ref.projectId() + "#" + ref.instanceId();
    }

    public static String orderSk(OrderId orderId) {
        return "ORDER#" + orderId.value();
    }

    /** A page position of a query, as text: the string key attributes of its last evaluated key. */
    public static String encodeCursor(Map<String, AttributeValue> key) {
        ObjectNode plain = JsonTrees.object();
        new TreeMap<>(key).forEach((name, value) -> plain.put(name, value.s()));
        return JsonTrees.write(plain);
    }

    public static Map<String, AttributeValue> decodeCursor(String cursor) {
        Map<String, AttributeValue> key = new HashMap<>();
        try {
            JsonTrees.read(cursor).fields().forEachRemaining(e ->
                    key.put(e.getKey(), AttributeValue.fromS(e.getValue().asText())));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a cursor: " + cursor, e);
        }
        return key;
    }
}

package cloud.iotda.adapter.dynamodb.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every entity's mapping against rows as they are stored: rows-as-stored.json holds the items the previous mapping
 * (bean schemas through the Enhanced Client) wrote for {@link StoredSamples}, so a renamed attribute, a changed type
 * or a lost field fails here, and rows already in a table read as the values they were written from.
 */
class RowsTest {
    private static final JsonNode STORED = stored();

    private static JsonNode stored() {
        try (InputStream in = RowsTest.class.getResourceAsStream("/rows-as-stored.json")) {
            return JsonTrees.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row in DynamoDB's JSON form ({"S": ...}, {"N": ...}, {"L": [...]}, {"M": {...}}, {"NULL": true}). */
    static Map<String, AttributeValue> row(String name) {
        JsonNode node = STORED.get(name);
        assertNotEquals(null, node, name);
        return map(node);
    }

    private static Map<String, AttributeValue> map(JsonNode node) {
        Map<String, AttributeValue> item = new HashMap<>();
        node.fields().forEachRemaining(field -> item.put(field.getKey(), value(field.getValue())));
        return item;
    }

    private static AttributeValue value(JsonNode node) {
        if (node.has("S")) {
            return AttributeValue.fromS(node.get("S").asText());
        }
        if (node.has("N")) {
            return AttributeValue.fromN(node.get("N").asText());
        }
        if (node.has("BOOL")) {
            return AttributeValue.fromBool(node.get("BOOL").asBoolean());
        }
        if (node.has("NULL")) {
            return AttributeValue.fromNul(true);
        }
        if (node.has("L")) {
            List<AttributeValue> list = new ArrayList<>();
            node.get("L").forEach(element -> list.add(value(element)));
            return AttributeValue.fromL(list);
        }
        return AttributeValue.fromM(map(node.get("M")));
    }

    /** The row without its NULL attributes, at every depth: what the mappings write (an absent value is none). */
    private static Map<String, AttributeValue> withoutNulls(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> kept = new HashMap<>();
        item.forEach((name, value) -> {
            if (!Boolean.TRUE.equals(value.nul())) {
                kept.put(name, withoutNulls(value));
            }
        });
        return kept;
    }

    private static AttributeValue withoutNulls(AttributeValue value) {
        if (value.hasM()) {
            return AttributeValue.fromM(withoutNulls(value.m()));
        }
        if (value.hasL()) {
            return AttributeValue.fromL(value.l().stream().map(RowsTest::withoutNulls).toList());
        }
        return value;
    }

    private static <T> void assertMapsAsStored(String name, T value, Function<T, Map<String, AttributeValue>> toItem,
                                               Function<Map<String, AttributeValue>, T> fromItem) {
        assertEquals(withoutNulls(row(name)), toItem.apply(value), name + " is written as stored");
        assertEquals(value, fromItem.apply(row(name)), name + " as stored reads as its value");
        assertEquals(value, fromItem.apply(toItem.apply(value)), name + " reads back as written");
    }

    @Test
    void instancesAreWrittenAndReadAsStored() {
        StoredSamples.instances().forEach((name, instance) ->
                assertMapsAsStored(name, instance, item -> InstanceRows.toItem(item, Lapse.STANDARD),
                        InstanceRows::fromItem));
    }

    @Test
    void ordersOfEveryChangeAreWrittenAndReadAsStored() {
        StoredSamples.orders().forEach((name, order) ->
                assertMapsAsStored(name, order, OrderRows::toItem, OrderRows::fromItem));
    }

    @Test
    void tasksAreWrittenAndReadAsStored() {
        StoredSamples.tasks().forEach((name, task) -> assertMapsAsStored(name, task, TaskRows::toItem,
                TaskRows::fromItem));
    }

    @Test
    void credentialsAreWrittenAndReadAsStored() {
        assertMapsAsStored("access-key", StoredSamples.accessKey(), CredentialRows::toItem,
                CredentialRows::accessKey);
        StoredToken token = StoredSamples.token();
        assertEquals(withoutNulls(row("token")), CredentialRows.toItem(token));
        StoredToken read = CredentialRows.token(row("token"));
        assertArrayEquals(token.tokenSha256(), read.tokenSha256());
        assertEquals(token.projectId(), read.projectId());
        assertEquals(token.expiresAt(), read.expiresAt());
    }

    @Test
    void anOrderStoredAsItsRequestReadsAsTheChangeItAsked() {
        Map<String, AttributeValue> legacy = new HashMap<>(row("order-charge-mode-unpaid"));
        legacy.keySet().removeAll(Set.of("periodType", "periodNum", "autoRenew", "autoPay"));
        legacy.put("request", AttributeValue.fromS("{\"charge_mode\":\"prePaid\",\"period_type\":\"month\","
                + "\"period_num\":2,\"is_auto_renew\":true,\"is_auto_pay\":false}"));
        assertEquals(StoredSamples.orders().get("order-charge-mode-unpaid"), OrderRows.fromItem(legacy));
    }
}

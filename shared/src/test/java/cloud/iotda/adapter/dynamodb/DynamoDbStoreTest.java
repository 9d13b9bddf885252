package cloud.iotda.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.StoreContract;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The DynamoDB adapter on DynamoDB Local: the ports' contract, and rows written before today's layout. */
class DynamoDbStoreTest extends StoreContract {
    private String table;

    @Override
    protected Store newStore() {
        table = LocalDynamoDb.get().createTable();
        DynamoDbStore store = new DynamoDbStore(LocalDynamoDb.get().client(), table);
        return new Store(store, store, store, store, store, store, table);
    }

    @Override
    protected Object contentOf(Store store) {
        return LocalDynamoDb.get().client()
                .scanPaginator(ScanRequest.builder().tableName((String) store.content()).consistentRead(true).build())
                .items().stream().toList();
    }

    private Order legacyOrder(String type, String request) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("INSTANCE#p1#ab"));
        item.put("sk", AttributeValue.fromS("ORDER#CS260115100000AAAAA"));
        item.put("entity", AttributeValue.fromS("ORDER"));
        item.put("orderId", AttributeValue.fromS("CS260115100000AAAAA"));
        item.put("projectId", AttributeValue.fromS("p1"));
        item.put("instanceId", AttributeValue.fromS("ab"));
        item.put("type", AttributeValue.fromS(type));
        item.put("status", AttributeValue.fromS("SCHEDULED"));
        item.put("request", AttributeValue.fromS(request));
        item.put("requestHash", AttributeValue.fromS("0".repeat(64)));
        item.put("createTime", AttributeValue.fromS("2026-01-15T10:00:00Z"));
        item.put("updateTime", AttributeValue.fromS("2026-01-15T10:00:00Z"));
        LocalDynamoDb.get().client().putItem(put -> put.tableName(table).item(item));
        DynamoDbStore store = new DynamoDbStore(LocalDynamoDb.get().client(), table);
        return store.find(new InstanceRef("p1", "ab"), new OrderId("CS260115100000AAAAA")).orElseThrow();
    }

    @Test
    void readsAResizeOrderStoredAsRequestJson() {
        Order order = legacyOrder("RESIZE",
                "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":8},\"delay\":true,\"is_auto_pay\":false}");
        assertEquals(new Change.Resize(new Flavor("iotda.standard.s1", 8), true, false), order.change());
    }

    @Test
    void readsAChargeModeOrderStoredAsRequestJson() {
        Order order = legacyOrder("CHANGE_CHARGE_MODE",
                "{\"period_type\":\"year\",\"period_num\":2,\"is_auto_renew\":true,\"is_auto_pay\":false}");
        assertEquals(new Change.ChargeModeChange(PeriodType.YEAR, 2, true, false), order.change());
    }
}

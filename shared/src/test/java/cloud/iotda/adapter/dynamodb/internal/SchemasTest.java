package cloud.iotda.adapter.dynamodb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.iotda.adapter.dynamodb.DynamoDbStore;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.Network;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.task.TaskId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The written-out schemas map every item exactly as the beans' annotations do (TableSchema.fromBean): the same
 * attributes and values, the same keys and index keys, and back again. Items stored by either read by the other.
 */
class SchemasTest {
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    private static <T> void assertSameMapping(TableSchema<T> written, TableSchema<T> beans, T item) {
        assertEquals(new TreeSet<>(beans.attributeNames()), new TreeSet<>(written.attributeNames()));
        assertEquals(beans.tableMetadata().primaryKeys(), written.tableMetadata().primaryKeys());
        assertEquals(new HashSet<>(beans.tableMetadata().indices()), new HashSet<>(written.tableMetadata().indices()));
        for (boolean ignoreNulls : new boolean[] {true, false}) {
            assertEquals(beans.itemToMap(item, ignoreNulls), written.itemToMap(item, ignoreNulls));
        }
        assertEquals(beans.itemToMap(beans.mapToItem(written.itemToMap(item, true)), false),
                written.itemToMap(written.mapToItem(beans.itemToMap(item, true)), false));
    }

    @Test
    void instancesWithEveryFieldMapAsTheBeansDo() {
        Network.Whitelist whitelist = new Network.Whitelist(true,
                List.of(new Network.AllowedAddress("192.0.2.0/24", "plant"), new Network.AllowedAddress("::1", null)));
        Instance instance = Instance.create(new InstanceRef("p1", "ab"), Edition.ENTERPRISE,
                        new Flavor("iotda.enterprise.1000tps.10wonlinedevice", null))
                .name("n").regionId("eu-west-1").enterpriseProjectId("0")
                .tags(new Tags(List.of(new Tag("team", "plant"), new Tag("empty", null))))
                .network(new Network("vpc", "subnet", "sg", "SM", true,
                        List.of(new Network.Access(Network.AccessType.APP_HTTPS, "a.example.com", whitelist))))
                .prePaid(Subscription.expiringAt(PeriodType.YEAR, 1, true, T0)).at(T0);
        assertSameMapping(DynamoDbStore.WRITTEN_OUT.instance(), TableSchema.fromBean(InstanceItem.class),
                Items.toItem(instance));
        assertSameMapping(DynamoDbStore.WRITTEN_OUT.instance(), TableSchema.fromBean(InstanceItem.class),
                Items.toItem(Instance.create(new InstanceRef("p1", "cd"), Edition.STANDARD,
                        new Flavor("iotda.standard.s1", 2)).postPaid().at(T0)));
    }

    @Test
    void ordersTokensAndKeysMapAsTheBeansDo() {
        Change change = new Change.Resize(new Flavor("iotda.standard.s1", 3), true, false);
        Order order = new Order(new OrderId("CS2601151000ABCDE"), new InstanceRef("p1", "ab"), change,
                OrderStatus.SCHEDULED, change.fingerprint(), T0, T0, T0.plusSeconds(60),
                new TaskId("00000003-7a5c0f3e-1d2b-4c8a-9e6f-3b2a1c0d9e8f"));
        assertSameMapping(DynamoDbStore.WRITTEN_OUT.order(), TableSchema.fromBean(OrderItem.class),
                Items.toItem(order));
        assertSameMapping(DynamoDbStore.WRITTEN_OUT.token(), TableSchema.fromBean(TokenItem.class),
                Items.toItem(new StoredToken(Sha256.of("t"), "p1", T0)));
        assertSameMapping(DynamoDbStore.WRITTEN_OUT.accessKey(), TableSchema.fromBean(AccessKeyItem.class),
                Items.toItem(new AccessKey("AK", "secret", "p1", T0)));
    }
}

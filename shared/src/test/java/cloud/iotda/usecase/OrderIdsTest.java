package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.ENTERPRISE;
import static cloud.iotda.testing.TestWorld.OTHER_PROJECT;
import static cloud.iotda.testing.TestWorld.OTHER_PROJECT_TOKEN;
import static cloud.iotda.testing.TestWorld.PREPAID;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.REGION;
import static cloud.iotda.testing.TestWorld.S1_X2;
import static cloud.iotda.testing.TestWorld.SUBSCRIBED_UNTIL;
import static cloud.iotda.testing.TestWorld.TOKEN;
import static cloud.iotda.testing.TestWorld.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.Settings;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.edge.Operation;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.TestWorld;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Order ids are unique across the table, made so by the write itself, on DynamoDB Local with an id source forced to
 * repeat an id: every way an order is placed takes a new id when its first is another order's, and an id names one
 * order, so paying it pays that order and no other tenant's.
 */
class OrderIdsTest {
    private static final String OTHER_INSTANCE = "2a2b3c4d-0000-4000-8000-0000000000e1";
    private static final String RESIZE = "{\"flavor\": {\"type\": \"iotda.standard.s2\", \"size\": 4}}";

    /** Random draws, except that after {@link #repeatNextOrderId()} the next order id is CS{minute}AAAAA. */
    private static final class RepeatingIds implements RandomGenerator {
        private final Random rest = new Random(7);
        private final AtomicInteger zeros = new AtomicInteger();

        void repeatNextOrderId() {
            zeros.set(5);
        }

        @Override
        public long nextLong() {
            return rest.nextLong();
        }

        @Override
        public int nextInt(int bound) {
            return zeros.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 0 : rest.nextInt(bound);
        }
    }

    private final RepeatingIds random = new RepeatingIds();
    private final TestWorld world = new TestWorld(LocalDynamoDb.get().client(), Settings.PLAIN,
            new IdSource(random));

    private TestWorld.Response resizeOther() {
        return world.call(Operation.RESIZE, "POST", OTHER_PROJECT, OTHER_INSTANCE, RESIZE, OTHER_PROJECT_TOKEN);
    }

    @Test
    void everyWayOfPlacingAnOrderTakesANewIdWhenItsFirstIsTaken() {
        world.instances.create(Instance.create(new InstanceRef(OTHER_PROJECT, OTHER_INSTANCE), Edition.STANDARD,
                S1_X2).regionId(REGION).prePaid(Subscription.expiringAt(PeriodType.MONTH, 1, false,
                SUBSCRIBED_UNTIL)).at(TestWorld.START));
        random.repeatNextOrderId();
        String first = world.resize(PREPAID, RESIZE).orderId();
        assertTrue(first.endsWith("AAAAA"), first);

        Set<String> ids = new HashSet<>(List.of(first));
        random.repeatNextOrderId();
        TestWorld.Response other = resizeOther();
        assertEquals(200, other.status(), other.body().toString());
        random.repeatNextOrderId();
        TestWorld.Response created = world.send(Operation.CREATE_INSTANCE, "POST", Map.of("project_id", PROJECT),
                Map.of(), "{\"instance_type\": \"standard\", \"name\": \"bought\","
                        + " \"flavor\": {\"type\": \"iotda.standard.s1\", \"size\": 1}, \"charge_info\":"
                        + " {\"charge_mode\": \"prePaid\", \"period_type\": \"month\", \"period_num\": 1}}", TOKEN);
        assertEquals(200, created.status(), created.body().toString());
        random.repeatNextOrderId();
        OrderId renewal = world.service.subscriptions().renew(ref(ENTERPRISE), PeriodType.YEAR, 1).orderId();
        for (String id : List.of(other.orderId(), created.body().path("order_id").asText(), renewal.value())) {
            assertTrue(ids.add(id), "a new id, not " + id + " again: " + ids);
        }

        world.service.lifecycle().pay(new OrderId(first));
        assertEquals(OrderStatus.COMPLETED, world.orders.find(ref(PREPAID), new OrderId(first)).orElseThrow()
                .status());
        Instance untouched = world.instances.find(new InstanceRef(OTHER_PROJECT, OTHER_INSTANCE)).orElseThrow();
        assertEquals(InstanceStatus.TRADING, untouched.status(), "paying one tenant's order pays no other's");
        assertEquals(OrderStatus.PENDING_PAYMENT, world.orders.findById(new OrderId(other.orderId())).orElseThrow()
                .status());
    }

    @Test
    void anIdThatStoredOrdersShareIsRefusedNotGuessed() {
        world.instances.create(Instance.create(new InstanceRef(OTHER_PROJECT, OTHER_INSTANCE), Edition.STANDARD,
                S1_X2).regionId(REGION).prePaid(Subscription.expiringAt(PeriodType.MONTH, 1, false,
                SUBSCRIBED_UNTIL)).at(TestWorld.START));
        // As orders stored before ids had items of their own: two orders under one id, found only by the index.
        random.repeatNextOrderId();
        String shared = world.resize(PREPAID, RESIZE).orderId();
        forgetTheIdsItem(shared);
        random.repeatNextOrderId();
        assertEquals(shared, resizeOther().orderId());
        forgetTheIdsItem(shared);

        Rejected refused = assertThrows(Rejected.class, () -> world.service.lifecycle().pay(new OrderId(shared)));
        assertEquals(Reason.ORDER_AMBIGUOUS, refused.reason());
        assertEquals(InstanceStatus.TRADING, world.instance(PREPAID).status(), "neither order was paid");
    }

    private void forgetTheIdsItem(String orderId) {
        LocalDynamoDb.get().client().deleteItem(request -> request.tableName(world.table).key(Map.of(
                "pk", AttributeValue.fromS("ORDERID#" + orderId), "sk", AttributeValue.fromS("#META"))));
    }
}

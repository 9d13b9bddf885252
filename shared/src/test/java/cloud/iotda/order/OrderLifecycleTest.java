package cloud.iotda.order;

import static cloud.iotda.testing.TestWorld.ENTERPRISE;
import static cloud.iotda.testing.TestWorld.FROZEN;
import static cloud.iotda.testing.TestWorld.PREPAID;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.S0;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cloud.iotda.instance.ChargeMode;
import cloud.iotda.instance.Flavor;
import cloud.iotda.instance.Instance;
import cloud.iotda.instance.InstanceStatus;
import cloud.iotda.instance.PeriodType;
import cloud.iotda.testing.TestWorld.Response;
import cloud.iotda.testing.TestWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What each accepted request writes to DynamoDB Local, and that a rejected one writes nothing. */
class OrderLifecycleTest {
    private final TestWorld world = new TestWorld();

    private Order onlyOrder(String instanceId) {
        List<Order> orders = world.store.ordersOf(PROJECT, instanceId);
        assertEquals(1, orders.size(), "order records of " + instanceId);
        return orders.get(0);
    }

    @Test
    void immediateResizeOfPostPaidInstanceCompletesAndChangesFlavor() {
        Response response = world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}");

        assertEquals(200, response.status());
        Order order = onlyOrder(STANDARD);
        assertEquals(response.orderId(), order.orderId());
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertEquals(OrderType.RESIZE, order.type());
        assertEquals(TestWorld.START, order.createTime());
        assertNull(order.executeAfter());
        Instance instance = world.instance(STANDARD);
        assertEquals(new Flavor("iotda.standard.s2", 4), instance.flavor());
        assertEquals(InstanceStatus.ACTIVE, instance.status());
        assertNull(instance.orderId());
        assertEquals(1, instance.version());
    }

    @Test
    void resizeOfPrePaidInstanceWithoutAutoPayAwaitsPayment() {
        Response response = world.resize(PREPAID, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3}}");

        assertEquals(200, response.status());
        assertEquals(OrderStatus.PENDING_PAYMENT, onlyOrder(PREPAID).status());
        Instance instance = world.instance(PREPAID);
        assertEquals(InstanceStatus.TRADING, instance.status());
        assertEquals(response.orderId(), instance.orderId());
        assertEquals(new Flavor("iotda.standard.s1", 2), instance.flavor(), "flavor changes only once paid");
    }

    @Test
    void resizeOfPrePaidInstanceWithAutoPayCompletes() {
        Response response = world.resize(PREPAID, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3},\"is_auto_pay\":true}");

        assertEquals(200, response.status());
        assertEquals(OrderStatus.COMPLETED, onlyOrder(PREPAID).status());
        assertEquals(new Flavor("iotda.standard.s1", 3), world.instance(PREPAID).flavor());
    }

    @Test
    void delayedResizeIsScheduledForTheNextWindowAndKeepsTheFlavor() {
        Response response = world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":8},\"delay\":true}");

        assertEquals(200, response.status());
        Order order = onlyOrder(STANDARD);
        assertEquals(OrderStatus.SCHEDULED, order.status());
        assertEquals(Instant.parse("2026-01-16T02:00:00Z"), order.executeAfter());
        Instance instance = world.instance(STANDARD);
        assertEquals(new Flavor("iotda.standard.s1", 2), instance.flavor());
        assertEquals(response.orderId(), instance.orderId());
    }

    @Test
    void delayedResizeWithoutWindowIsRejected() {
        List<Map<String, AttributeValue>> before = world.allItems();
        Response response = world.resize(ENTERPRISE,
                "{\"flavor\":{\"type\":\"iotda.enterprise.2000tps.10wonlinedevice\"},\"delay\":true}");

        assertEquals(400, response.status());
        assertEquals("IOTDA.060005", response.errorCode());
        assertEquals(before, world.allItems());
    }

    @Test
    void changeChargeModeWithAutoPayMakesTheInstancePrePaid() {
        Response response = world.changeChargeMode(STANDARD,
                "{\"period_type\":\"month\",\"period_num\":2,\"is_auto_renew\":true,\"is_auto_pay\":true}");

        assertEquals(200, response.status());
        Order order = onlyOrder(STANDARD);
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertEquals(OrderType.CHANGE_CHARGE_MODE, order.type());
        Instance instance = world.instance(STANDARD);
        assertEquals(ChargeMode.PRE_PAID, instance.chargeMode());
        assertEquals(PeriodType.MONTH, instance.subscription().periodType());
        assertEquals(2, instance.subscription().periodNum());
        assertEquals(true, instance.subscription().autoRenew());
        assertEquals(Instant.parse("2026-03-15T10:00:00Z"), instance.subscription().expireTime());
    }

    @Test
    void changeChargeModeWithoutAutoPayAwaitsPayment() {
        Response response = world.changeChargeMode(STANDARD, "{\"period_type\":\"year\",\"period_num\":1}");

        assertEquals(200, response.status());
        assertEquals(OrderStatus.PENDING_PAYMENT, onlyOrder(STANDARD).status());
        Instance instance = world.instance(STANDARD);
        assertEquals(ChargeMode.POST_PAID, instance.chargeMode());
        assertEquals(InstanceStatus.TRADING, instance.status());
    }

    @Test
    void identicalRetryWithinTenMinutesGetsTheSameOrderAndWritesNothing() {
        String body = "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}";
        Response first = world.resize(STANDARD, body);
        List<Map<String, AttributeValue>> afterFirst = world.allItems();
        world.clock.advance(Duration.ofMinutes(10));

        // Same request, other spelling: field order and explicit defaults do not make it a different request.
        Response retry = world.resize(STANDARD, "{\"delay\":false,\"flavor\":{\"size\":4,\"type\":\"iotda.standard.s2\"}}");

        assertEquals(200, retry.status());
        assertEquals(first.orderId(), retry.orderId());
        assertEquals(afterFirst, world.allItems());
    }

    @Test
    void identicalRequestAfterTenMinutesIsANewRequest() {
        String body = "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}";
        world.resize(STANDARD, body);
        world.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        Response late = world.resize(STANDARD, body);

        assertEquals(400, late.status());
        assertEquals("IOTDA.060003", late.errorCode(), "the flavor is already s2 x4");
    }

    @Test
    void retryOfAnUnfinishedOrderGetsItsOrderButADifferentRequestIsRejected() {
        Response first = world.changeChargeMode(STANDARD, "{\"period_type\":\"year\",\"period_num\":1}");
        world.clock.advance(Duration.ofMinutes(1));

        assertEquals(first.orderId(), world.changeChargeMode(STANDARD, "{\"period_type\":\"year\",\"period_num\":1}").orderId());
        Response other = world.changeChargeMode(STANDARD, "{\"period_type\":\"year\",\"period_num\":2}");
        assertEquals(400, other.status());
        assertEquals("IOTDA.060002", other.errorCode());
        assertEquals(1, world.store.ordersOf(PROJECT, STANDARD).size());
    }

    @Test
    void businessRuleRejectionsWriteNothing() {
        List<Map<String, AttributeValue>> before = world.allItems();
        record Case(String code, Response response) {
        }
        List<Case> cases = List.of(
                new Case("IOTDA.060001", world.resize(FROZEN, "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}")),
                new Case("IOTDA.060003", world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2}}")),
                new Case("IOTDA.060004", world.resize(ENTERPRISE, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2}}")),
                new Case("IOTDA.060006", world.changeChargeMode(PREPAID, "{\"period_type\":\"month\",\"period_num\":1}")),
                new Case("IOTDA.060007", world.changeChargeMode(S0, "{\"period_type\":\"month\",\"period_num\":1}")),
                new Case("IOTDA.060000", world.resize("abc", "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}")));
        for (Case c : cases) {
            assertEquals(c.code(), c.response().errorCode(), c.response().errorMessage());
            assertNotEquals(200, c.response().status());
        }
        assertEquals(before, world.allItems());
    }

    @Test
    void resizeToSameTypeWithOtherSizeIsAChange() {
        assertEquals(200, world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3}}").status());
    }
}

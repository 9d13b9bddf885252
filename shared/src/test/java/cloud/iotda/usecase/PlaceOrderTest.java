package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.ENTERPRISE;
import static cloud.iotda.testing.TestWorld.FROZEN;
import static cloud.iotda.testing.TestWorld.MISSING;
import static cloud.iotda.testing.TestWorld.PREPAID;
import static cloud.iotda.testing.TestWorld.S0;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static cloud.iotda.testing.TestWorld.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.OrderState;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.OrderType;
import cloud.iotda.testing.TestWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The business rules of placing an order, and what each accepted order writes, on the ports in memory. */
class PlaceOrderTest {
    private final TestWorld world = TestWorld.inMemory();
    private final PlaceOrder placeOrder = world.service.useCases().placeOrder();

    /** A resize made at once, its order left to be paid if it costs. */
    private static Change.Resize atOnce(String type, Integer size) {
        return new Change.Resize(new Flavor(type, size), false, false);
    }

    /** A resize delayed to the instance's change window. */
    private static Change.Resize delayed(String type, Integer size) {
        return new Change.Resize(new Flavor(type, size), true, false);
    }

    /** A resize made at once and paid with it (is_auto_pay). */
    private static Change.Resize autoPaid(String type, Integer size) {
        return new Change.Resize(new Flavor(type, size), false, true);
    }

    private static Change.Resize resizeS1(int size) {
        return atOnce("iotda.standard.s1", size);
    }

    private Order onlyOrder(String instanceId) {
        List<Order> orders = world.ordersOf(instanceId);
        assertEquals(1, orders.size(), "order records of " + instanceId);
        return orders.get(0);
    }

    private Reason refusal(String instanceId, Change change) {
        return assertThrows(Rejected.class, () -> placeOrder.place(ref(instanceId), change)).reason();
    }

    @Test
    void immediateResizeOfPostPaidInstanceCompletesAndChangesFlavor() {
        OrderId orderId = placeOrder.place(ref(STANDARD), atOnce("iotda.standard.s2", 4));

        Order order = onlyOrder(STANDARD);
        assertEquals(orderId, order.orderId());
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
        OrderId orderId = placeOrder.place(ref(PREPAID), resizeS1(3));

        assertEquals(OrderStatus.PENDING_PAYMENT, onlyOrder(PREPAID).status());
        Instance instance = world.instance(PREPAID);
        assertEquals(InstanceStatus.TRADING, instance.status());
        assertEquals(orderId, instance.orderId());
        assertEquals(TestWorld.S1_X2, instance.flavor(), "flavor changes only once paid");
    }

    @Test
    void resizeOfPrePaidInstanceWithAutoPayCompletes() {
        placeOrder.place(ref(PREPAID), autoPaid("iotda.standard.s1", 3));

        assertEquals(OrderStatus.COMPLETED, onlyOrder(PREPAID).status());
        assertEquals(new Flavor("iotda.standard.s1", 3), world.instance(PREPAID).flavor());
    }

    @Test
    void delayedResizeIsScheduledForTheNextWindowAndKeepsTheFlavor() {
        OrderId orderId = placeOrder.place(ref(STANDARD), delayed("iotda.standard.s1", 8));

        Order order = onlyOrder(STANDARD);
        assertEquals(OrderStatus.SCHEDULED, order.status());
        assertEquals(Instant.parse("2026-01-16T02:00:00Z"), order.executeAfter());
        Instance instance = world.instance(STANDARD);
        assertEquals(TestWorld.S1_X2, instance.flavor());
        assertEquals(orderId, instance.orderId());
    }

    @Test
    void delayedResizeWithoutWindowIsRejectedAndWritesNothing() {
        Object before = world.state();
        assertEquals(Reason.NO_OPERATE_WINDOW,
                refusal(ENTERPRISE, delayed("iotda.enterprise.2000tps.10wonlinedevice", null)));
        assertEquals(before, world.state());
    }

    @Test
    void changeChargeModeWithAutoPayMakesTheInstancePrePaid() {
        placeOrder.place(ref(STANDARD), new Change.ChargeModeChange(PeriodType.MONTH, 2, true, true));

        Order order = onlyOrder(STANDARD);
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertEquals(OrderType.CHANGE_CHARGE_MODE, order.type());
        Instance instance = world.instance(STANDARD);
        assertEquals(ChargeMode.PRE_PAID, instance.chargeMode());
        assertEquals(PeriodType.MONTH, instance.subscription().periodType());
        assertEquals(2, instance.subscription().periodNum());
        assertTrue(instance.subscription().autoRenew());
        assertEquals(Instant.parse("2026-03-15T10:00:00Z"), instance.subscription().expireTime());
    }

    @Test
    void changeChargeModeWithoutAutoPayAwaitsPayment() {
        placeOrder.place(ref(STANDARD), new Change.ChargeModeChange(PeriodType.YEAR, 1, false, false));

        assertEquals(OrderStatus.PENDING_PAYMENT, onlyOrder(STANDARD).status());
        Instance instance = world.instance(STANDARD);
        assertEquals(ChargeMode.POST_PAID, instance.chargeMode());
        assertEquals(InstanceStatus.TRADING, instance.status());
    }

    @Test
    void identicalRetryWithinTenMinutesGetsTheSameOrderAndWritesNothing() {
        OrderId first = placeOrder.place(ref(STANDARD), atOnce("iotda.standard.s2", 4));
        Object afterFirst = world.state();
        world.clock.advance(OrderState.RETRY_WINDOW);

        assertEquals(first, placeOrder.place(ref(STANDARD), atOnce("iotda.standard.s2", 4)));
        assertEquals(afterFirst, world.state());
    }

    @Test
    void identicalRequestAfterTenMinutesIsANewRequest() {
        placeOrder.place(ref(STANDARD), atOnce("iotda.standard.s2", 4));
        world.clock.advance(OrderState.RETRY_WINDOW.plusSeconds(1));

        assertEquals(Reason.FLAVOR_UNCHANGED, refusal(STANDARD, atOnce("iotda.standard.s2", 4)),
                "the flavor is already s2 x4");
    }

    @Test
    void retryOfAnUnfinishedOrderGetsItsOrderButADifferentRequestIsRejected() {
        OrderId first = placeOrder.place(ref(STANDARD), new Change.ChargeModeChange(PeriodType.YEAR, 1, false, false));
        world.clock.advance(Duration.ofMinutes(1));

        assertEquals(first,
                placeOrder.place(ref(STANDARD), new Change.ChargeModeChange(PeriodType.YEAR, 1, false, false)));
        Rejected other = assertThrows(Rejected.class, () ->
                placeOrder.place(ref(STANDARD), new Change.ChargeModeChange(PeriodType.YEAR, 2, false, false)));
        assertEquals(Reason.ORDER_IN_PROGRESS, other.reason());
        assertEquals(List.of(first), other.facts());
        assertEquals(1, world.ordersOf(STANDARD).size());
    }

    @Test
    void businessRuleRejectionsNameTheirFactsAndWriteNothing() {
        Object before = world.state();
        Rejected frozen = assertThrows(Rejected.class, () -> placeOrder.place(ref(FROZEN), resizeS1(4)));
        assertEquals(Reason.INSTANCE_NOT_ACTIVE, frozen.reason());
        assertEquals(List.of(InstanceStatus.FROZEN), frozen.facts());
        assertEquals(Reason.FLAVOR_UNCHANGED, refusal(STANDARD, resizeS1(2)));
        Rejected crossEdition = assertThrows(Rejected.class, () -> placeOrder.place(ref(ENTERPRISE), resizeS1(2)));
        assertEquals(List.of("enterprise", "standard"), crossEdition.facts());
        Change monthly = new Change.ChargeModeChange(PeriodType.MONTH, 1, false, false);
        assertEquals(Reason.ALREADY_PREPAID, refusal(PREPAID, monthly));
        assertEquals(Reason.FLAVOR_NOT_BILLABLE, refusal(S0, monthly));
        Rejected missing = assertThrows(Rejected.class, () -> placeOrder.place(ref(MISSING), resizeS1(4)));
        assertEquals(Reason.INSTANCE_NOT_FOUND, missing.reason());
        assertEquals(List.of(MISSING, TestWorld.PROJECT), missing.facts());
        assertEquals(before, world.state());
    }

    @Test
    void resizeToSameTypeWithOtherSizeIsAChange() {
        placeOrder.place(ref(STANDARD), resizeS1(3));
        assertEquals(new Flavor("iotda.standard.s1", 3), world.instance(STANDARD).flavor());
    }

    /**
     * update_time is when something ShowInstance shows last changed. A delayed order leaves flavor and status as
     * they are, but the instance now shows it as {@code order_id} (a field the SDK's model does not carry), so the
     * time moves with it; a retry answered with its earlier order writes nothing and moves nothing.
     */
    @Test
    void updateTimeMovesWithTheShownOrderIdAndNotForARetry() {
        Instance before = world.instance(STANDARD);
        world.clock.advance(Duration.ofMinutes(1));
        Change.Resize delayed = delayed("iotda.standard.s2", 4);
        OrderId orderId = placeOrder.place(ref(STANDARD), delayed);
        Instance placed = world.instance(STANDARD);
        assertEquals(before.flavor(), placed.flavor());
        assertEquals(before.status(), placed.status());
        assertEquals(orderId, placed.orderId(), "what ShowInstance shows as order_id");
        assertEquals(world.clock.instant(), placed.updateTime());

        world.clock.advance(Duration.ofMinutes(1));
        assertEquals(orderId, placeOrder.place(ref(STANDARD), delayed));
        assertEquals(placed, world.instance(STANDARD), "a retry changes nothing, update_time included");
    }

    @Test
    void refusesAResizeToASoldOutFlavorAndWritesNothingThenTakesItOnSaleAgain() {
        world.sales.setSaleStatus("iotda.standard.s2", SaleStatus.SELLOUT);
        Object before = world.state();
        assertEquals(Reason.FLAVOR_SOLD_OUT, refusal(STANDARD, atOnce("iotda.standard.s2", 4)));
        assertEquals(Reason.FLAVOR_SOLD_OUT, refusal(STANDARD, delayed("iotda.standard.s2", 4)));
        assertEquals(before, world.state(), "a refused order writes nothing");
        world.sales.setSaleStatus("iotda.standard.s2", SaleStatus.NORMAL);
        placeOrder.place(ref(STANDARD), atOnce("iotda.standard.s2", 4));
        assertEquals(new Flavor("iotda.standard.s2", 4), world.instance(STANDARD).flavor());
    }

    @Test
    void aSoldOutFlavorDoesNotStopAChangeOfBillingThatKeepsIt() {
        world.sales.setSaleStatus("iotda.standard.s1", SaleStatus.SELLOUT);
        placeOrder.place(ref(STANDARD), new Change.ChargeModeChange(PeriodType.MONTH, 1, false, true));
        assertEquals(ChargeMode.PRE_PAID, world.instance(STANDARD).chargeMode());
    }

    @Test
    void aRequestSentAgainAfterItsOrderWasCancelledPlacesANewOrder() {
        Change.ChargeModeChange change = new Change.ChargeModeChange(PeriodType.MONTH, 3, true, false);
        OrderId cancelled = placeOrder.place(ref(STANDARD), change);
        world.service.lifecycle().cancel(cancelled);
        world.clock.advance(Duration.ofMinutes(1));

        OrderId again = placeOrder.place(ref(STANDARD), change);

        assertTrue(!again.equals(cancelled), "a new order, not the cancelled one");
        assertEquals(OrderStatus.PENDING_PAYMENT, world.orders.find(ref(STANDARD), again).orElseThrow().status());
        assertEquals(again, world.instance(STANDARD).orderId());
        assertEquals(InstanceStatus.TRADING, world.instance(STANDARD).status());
        assertEquals(2, world.ordersOf(STANDARD).size());
        assertEquals(OrderStatus.COMPLETED, world.service.lifecycle().pay(again).status(), "the new one is paid");
    }

    @Test
    void aRequestSentAgainAfterItsOrderFailedIsRefusedNotAnsweredWithTheFailedOrder() {
        Change.Resize resize = atOnce("iotda.standard.s2", 4);
        OrderId failed = placeOrder.place(ref(PREPAID), resize);
        world.sales.setSaleStatus("iotda.standard.s2", SaleStatus.SELLOUT);
        assertEquals(OrderStatus.FAILED, world.service.lifecycle().pay(failed).status());
        world.sales.setSaleStatus("iotda.standard.s2", SaleStatus.NORMAL);

        assertEquals(Reason.ORDER_IN_PROGRESS, refusal(PREPAID, resize));
    }
}

package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.DOMAIN_ID;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.usecase.port.Conflict;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The balance that pays: an order paid at once ({@code is_auto_pay}) or through PayOrders takes its amount from the
 * account of the project that placed it, in the write that pays it; with too little balance nothing is taken, the
 * auto-paid order awaits payment and PayOrders is refused. On DynamoDB Local and on the ports in memory alike.
 */
class BalanceTest {
    private static final String MONTHLY = "{\"period_type\":\"month\",\"period_num\":1,\"is_auto_pay\":true}";
    /** STANDARD is iotda.standard.s1 x2: 800.00 a unit and month. */
    private static final Amount MONTH_OF_STANDARD = new Amount(160_000);

    static Stream<TestWorld> worlds() {
        return Stream.of(new TestWorld(), TestWorld.inMemory());
    }

    private static Amount balance(TestWorld world) {
        return world.credentials.findAccount(DOMAIN_ID).orElseThrow().balance();
    }

    /** Leaves {@code left} in the account's balance. */
    static void drainTo(TestWorld world, Amount left) {
        Amount take = balance(world).minus(left);
        Order any = world.ordersOf(TestWorld.HISTORY).get(0);
        // A charge written as a transition that changes nothing else: the store takes it as it takes any charge.
        world.orders.apply(new Order.Transition(any, any.status(), null).charging(new Charge(DOMAIN_ID, take)),
                List.of());
        assertEquals(left, balance(world));
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void anAutoPaidOrderTakesItsAmountFromTheBalance(TestWorld world) {
        Amount before = balance(world);
        TestWorld.Response placed = world.changeChargeMode(STANDARD, MONTHLY);
        assertEquals(200, placed.status(), placed.body().toString());
        Order order = world.ordersOf(STANDARD).get(0);
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertEquals(MONTH_OF_STANDARD, order.amount());
        assertEquals(before.minus(MONTH_OF_STANDARD), balance(world));
        assertEquals(ChargeMode.PRE_PAID, world.instance(STANDARD).chargeMode());
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void withTooLittleBalanceAnAutoPaidOrderAwaitsPaymentAndTakesNothing(TestWorld world) {
        drainTo(world, new Amount(159_999));
        TestWorld.Response placed = world.changeChargeMode(STANDARD, MONTHLY);
        assertEquals(200, placed.status(), placed.body().toString());
        Order order = world.ordersOf(STANDARD).get(0);
        assertEquals(OrderStatus.PENDING_PAYMENT, order.status());
        assertEquals(InstanceStatus.TRADING, world.instance(STANDARD).status());
        assertEquals(new Amount(159_999), balance(world), "nothing taken");

        Rejected refused = assertThrows(Rejected.class, () -> world.service.lifecycle().payFrom(order.orderId(),
                world.service.payers()));
        assertEquals(Reason.INSUFFICIENT_BALANCE, refused.reason());
        assertEquals(OrderStatus.PENDING_PAYMENT, world.ordersOf(STANDARD).get(0).status(), "still awaiting");

        world.service.identity().topUp(TestWorld.ACCOUNT, "0.01");
        Order paid = world.service.lifecycle().payFrom(order.orderId(), world.service.payers());
        assertEquals(OrderStatus.COMPLETED, paid.status());
        assertEquals(Amount.ZERO, balance(world), "exactly the amount taken");
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void theOperatorsPayTakesNothingFromTheBalance(TestWorld world) {
        Amount before = balance(world);
        world.service.lifecycle().pay(new OrderId(TestWorld.TO_PAY_ORDER));
        assertEquals(before, balance(world));
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void aChargeTheBalanceNoLongerHoldsIsAConflictAndWritesNothing(TestWorld world) {
        drainTo(world, new Amount(100));
        Order any = world.ordersOf(TestWorld.HISTORY).get(0);
        Object before = world.state();
        assertThrows(Conflict.class, () -> world.orders.apply(new Order.Transition(any, any.status(), null)
                .charging(new Charge(DOMAIN_ID, new Amount(101))), List.of()));
        assertEquals(before, world.state());
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void aTopUpAddsToTheBalanceOfAnAccountThatExists(TestWorld world) {
        Amount before = balance(world);
        Account topped = world.credentials.topUp(DOMAIN_ID, new Amount(12_345)).orElseThrow();
        assertEquals(before.plus(new Amount(12_345)), topped.balance());
        assertTrue(world.credentials.topUp("0123456789abcdef0123456789abcdef", new Amount(1)).isEmpty());
        Rejected invalid = assertThrows(Rejected.class, () -> world.service.identity().topUp(TestWorld.ACCOUNT,
                "1.234"));
        assertEquals(Reason.INVALID_INPUT, invalid.reason());
    }
}

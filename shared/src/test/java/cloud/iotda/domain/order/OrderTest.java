package cloud.iotda.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.instance.Billing;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.OrderState;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.ProfileChange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How an order moves on, as pure rules: no store, no catalogue. */
class OrderTest {
    /** A catalogue with every flavor on sale. */
    private static final FlavorCatalogue ON_SALE = new FlavorCatalogue(List.of());
    private static final Instant PLACED = Instant.parse("2026-01-15T10:00:00Z");
    private static final InstanceRef REF = new InstanceRef("p", "ab");
    private static final OrderId ID = new OrderId("CS260115100000AAAAA");
    private static final Flavor S1_X2 = new Flavor("iotda.standard.s1", 2);
    private static final Change.Resize TO_X8_DELAYED =
            new Change.Resize(new Flavor("iotda.standard.s1", 8), true, false);

    private static Instance holding(OrderStatus status) {
        Instance instance = Instance.create(REF, Edition.STANDARD, S1_X2)
                .operateWindow(new OperateWindow(LocalTime.of(2, 0), LocalTime.of(4, 0)))
                .at(PLACED.minus(Duration.ofDays(1)));
        return instance.withOrderState(S1_X2, Billing.POST_PAID,
                status == OrderStatus.PENDING_PAYMENT ? InstanceStatus.TRADING : InstanceStatus.ACTIVE,
                new OrderState(ID, null), PLACED);
    }

    private static Order order(Change change, OrderStatus status, Instant executeAfter) {
        return new Order(ID, REF, change, status, change.fingerprint(), PLACED, PLACED, executeAfter, null);
    }

    @Test
    void payingADelayedOrderSchedulesItAndActivatesTheInstance() {
        Instant opening = Instant.parse("2026-01-16T02:00:00Z");
        Order.Transition paid = order(TO_X8_DELAYED, OrderStatus.PENDING_PAYMENT, opening)
                .pay(holding(OrderStatus.PENDING_PAYMENT), ON_SALE, PLACED.plusSeconds(60));

        assertEquals(OrderStatus.SCHEDULED, paid.order().status());
        assertEquals(OrderStatus.PENDING_PAYMENT, paid.from());
        assertEquals(InstanceStatus.ACTIVE, paid.instance().status());
        assertEquals(S1_X2, paid.instance().flavor(), "the flavor changes only when the order runs");
        assertEquals(ID, paid.instance().orderId());
    }

    @Test
    void payingAChargeModeChangeStartsTheSubscriptionAtPayment() {
        Instant paidAt = Instant.parse("2026-01-20T08:00:00Z");
        Order.Transition paid = order(new Change.ChargeModeChange(PeriodType.YEAR, 1, true, false),
                OrderStatus.PENDING_PAYMENT, null).pay(holding(OrderStatus.PENDING_PAYMENT), ON_SALE, paidAt);

        assertEquals(OrderStatus.COMPLETED, paid.order().status());
        assertEquals(ChargeMode.PRE_PAID, paid.instance().chargeMode());
        assertEquals(Instant.parse("2027-01-20T08:00:00Z"), paid.instance().subscription().expireTime());
        assertNull(paid.instance().orderId());
    }

    @Test
    void onlyAnOrderAwaitingPaymentCanBePaid() {
        Rejected rejected = assertThrows(Rejected.class, () ->
                order(TO_X8_DELAYED, OrderStatus.SCHEDULED, PLACED).pay(holding(OrderStatus.SCHEDULED), ON_SALE,
                        PLACED));
        assertEquals(Reason.ORDER_NOT_PAYABLE, rejected.reason());
        assertEquals(List.of(ID, OrderStatus.SCHEDULED), rejected.facts());
    }

    @Test
    void onlyAnUnfinishedOrderCanBeCancelled() {
        Rejected rejected = assertThrows(Rejected.class, () ->
                order(TO_X8_DELAYED, OrderStatus.COMPLETED, null).cancel(holding(OrderStatus.SCHEDULED), PLACED));
        assertEquals(Reason.ORDER_FINISHED, rejected.reason());
    }

    @Test
    void cancellingReleasesTheInstanceUnchanged() {
        Instance before = holding(OrderStatus.PENDING_PAYMENT);
        Order.Transition cancelled = order(TO_X8_DELAYED, OrderStatus.PENDING_PAYMENT, null).cancel(before, PLACED);
        assertEquals(OrderStatus.CANCELLED, cancelled.order().status());
        assertEquals(InstanceStatus.ACTIVE, cancelled.instance().status());
        assertEquals(S1_X2, cancelled.instance().flavor());
        assertNull(cancelled.instance().orderId());
        assertEquals(before.version() + 1, cancelled.instance().version());
    }

    @Test
    void aScheduledOrderWaitsForItsTimeThenRunsInsideTheWindow() {
        Order scheduled = order(TO_X8_DELAYED, OrderStatus.SCHEDULED, Instant.parse("2026-01-16T02:00:00Z"));
        Instance instance = holding(OrderStatus.SCHEDULED);

        assertEquals(Optional.empty(), scheduled.processAt(instance, ON_SALE, Instant.parse("2026-01-16T01:59:59Z")));
        Order.Transition run = scheduled.processAt(instance, ON_SALE, Instant.parse("2026-01-16T02:00:00Z"))
                .orElseThrow();
        assertEquals(OrderStatus.COMPLETED, run.order().status());
        assertEquals(new Flavor("iotda.standard.s1", 8), run.instance().flavor());
    }

    @Test
    void aScheduledOrderWhoseWindowPassedMovesToTheNextOpeningAndChangesNothingElse() {
        Order scheduled = order(TO_X8_DELAYED, OrderStatus.SCHEDULED, Instant.parse("2026-01-16T02:00:00Z"));
        Order.Transition deferred = scheduled.processAt(holding(OrderStatus.SCHEDULED), ON_SALE,
                Instant.parse("2026-01-16T05:00:00Z")).orElseThrow();
        assertEquals(OrderStatus.SCHEDULED, deferred.order().status());
        assertEquals(Instant.parse("2026-01-17T02:00:00Z"), deferred.order().executeAfter());
        assertNull(deferred.instance(), "the instance is not written");
    }

    @Test
    void anUnpaidOrderExpiresFifteenDaysAfterItWasPlacedAndNotBefore() {
        Order unpaid = order(TO_X8_DELAYED, OrderStatus.PENDING_PAYMENT, null);
        Instance instance = holding(OrderStatus.PENDING_PAYMENT);
        assertEquals(Optional.empty(),
                unpaid.processAt(instance, ON_SALE, PLACED.plus(Order.PAYMENT_DEADLINE).minusSeconds(1)));
        Order.Transition expired = unpaid.processAt(instance, ON_SALE, PLACED.plus(Order.PAYMENT_DEADLINE))
                .orElseThrow();
        assertEquals(OrderStatus.CANCELLED, expired.order().status());
        assertEquals(InstanceStatus.ACTIVE, expired.instance().status());
    }

    @Test
    void aScheduledOrderFollowsItsInstancesNewWindow() {
        Order scheduled = order(TO_X8_DELAYED, OrderStatus.SCHEDULED, Instant.parse("2026-01-16T02:00:00Z"));
        Instance moved = holding(OrderStatus.SCHEDULED).withProfile(new ProfileChange(
                Optional.empty(), Optional.empty(),
                Optional.of(new OperateWindow(LocalTime.of(12, 0), LocalTime.of(13, 0)))), PLACED);
        Order.Transition followed = scheduled.followWindow(moved, PLACED);
        assertEquals(Instant.parse("2026-01-15T12:00:00Z"), followed.order().executeAfter());
        assertSame(moved, followed.instance());
    }

    @Test
    void equalChangesHaveEqualFingerprintsAndOthersDiffer() {
        assertEquals(new Change.Resize(S1_X2, false, false).fingerprint(),
                new Change.Resize(new Flavor("iotda.standard.s1", 2), false, false).fingerprint());
        assertNotEquals(new Change.Resize(S1_X2, false, false).fingerprint(),
                new Change.Resize(S1_X2, true, false).fingerprint());
    }
}

package cloud.iotda.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.PriceList;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.domain.instance.OrderState;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.task.TaskStatus;
import cloud.iotda.domain.task.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Renewals: a RENEW order counted from the expiry, unfreezing a frozen instance, refused when ended; paid at once
 * from the balance or awaiting payment with the instance held as it was.
 */
class RenewalTest {
    private static final Instant BOUGHT = Instant.parse("2026-01-31T00:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2026-02-28T00:00:00Z");
    private static final OrderId ORDER = new OrderId("CS2603010000RENEW");
    private static final UUID RANDOM = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private static Instance monthly(boolean autoRenew) {
        return Instance.create(new InstanceRef("p", "i"), Edition.STANDARD, new Flavor("iotda.standard.s1", 2))
                .prePaid(Subscription.startingAt(BOUGHT, PeriodType.MONTH, 1, autoRenew)).at(BOUGHT);
    }

    @Test
    void consoleRenewalInGraceCountsFromExpiryAndChangesNothingElse() {
        Instance current = monthly(false);
        Instant inGrace = EXPIRY.plus(Duration.ofDays(10));
        Renewal renewal = Renewal.byConsole(current, PeriodType.MONTH, 2, Payment.FREE, Lapse.STANDARD, ORDER,
                RANDOM, inGrace);
        assertEquals(Instant.parse("2026-04-30T00:00:00Z"), renewal.instance().subscription().expireTime());
        assertEquals(OrderType.RENEW, renewal.order().type());
        assertEquals(OrderStatus.COMPLETED, renewal.order().status());
        assertEquals(current.flavor(), renewal.instance().flavor());
        assertEquals(InstanceStatus.ACTIVE, renewal.instance().status());
        assertEquals(current.version() + 1, renewal.instance().version());
        assertEquals(current.taskCount(), renewal.instance().taskCount());
        assertNull(renewal.task(), "renewing a working instance is no task");
        assertNull(renewal.order().dueAt(), "a renewal is never due to the processor");
    }

    @Test
    void renewalOfAFrozenInstanceUnfreezesItByATask() {
        Instant inRetention = EXPIRY.plus(Duration.ofDays(20));
        Instance frozen = monthly(false).frozen(inRetention);
        Renewal renewal = Renewal.byConsole(frozen, PeriodType.YEAR, 1, Payment.FREE, Lapse.STANDARD, ORDER, RANDOM,
                inRetention);
        assertEquals(InstanceStatus.ACTIVE, renewal.instance().status());
        assertEquals(Instant.parse("2027-02-28T00:00:00Z"), renewal.instance().subscription().expireTime());
        assertEquals(TaskType.UNFREEZE, renewal.task().type());
        assertEquals(TaskStatus.SUCCESS, renewal.task().status());
        assertEquals(ORDER, renewal.task().orderId());
        assertEquals(renewal.task().taskId(), renewal.order().taskId());
        assertEquals(frozen.taskCount() + 1, renewal.instance().taskCount());
    }

    @Test
    void automaticRenewalBuysTheOwnPeriodAgain() {
        Renewal renewal = Renewal.automatic(monthly(true), Payment.FREE, ORDER, RANDOM, EXPIRY).orElseThrow();
        assertEquals(Instant.parse("2026-03-31T00:00:00Z"), renewal.instance().subscription().expireTime());
        assertEquals(new Change.Renew(PeriodType.MONTH, 1, true), renewal.order().change());
    }

    @Test
    void renewalKeepsTheUnfinishedOrderTheInstanceHolds() {
        OrderId pending = new OrderId("CS2602010000PENDS");
        Instance holding = monthly(false).withOrderState(new Flavor("iotda.standard.s1", 2),
                monthly(false).billing(), InstanceStatus.TRADING, new OrderState(pending, null), BOUGHT);
        Renewal renewal = Renewal.byConsole(holding, PeriodType.MONTH, 1, Payment.FREE, Lapse.STANDARD, ORDER,
                RANDOM, EXPIRY);
        assertEquals(pending, renewal.instance().orderId());
        assertEquals(InstanceStatus.TRADING, renewal.instance().status());
    }

    @Test
    void rejectsPeriodNumTwelveForMonthAndFourForYearAsTheBillingCenterDoes() {
        Renewal eleven = Renewal.byConsole(monthly(false), PeriodType.MONTH, 11, Payment.FREE, Lapse.STANDARD, ORDER,
                RANDOM, BOUGHT);
        assertEquals(Instant.parse("2027-01-31T00:00:00Z"), eleven.instance().subscription().expireTime());
        Rejected month = assertThrows(Rejected.class,
                () -> Renewal.byConsole(monthly(false), PeriodType.MONTH, 12, Payment.FREE, Lapse.STANDARD, ORDER,
                        RANDOM, BOUGHT));
        assertEquals("period_num must be 1..11 when period_type is month", month.facts().get(0));
        Rejected year = assertThrows(Rejected.class,
                () -> Renewal.byConsole(monthly(false), PeriodType.YEAR, 4, Payment.FREE, Lapse.STANDARD, ORDER,
                        RANDOM, BOUGHT));
        assertEquals("period_num must be 1..3 when period_type is year", year.facts().get(0));
        assertThrows(Rejected.class, () -> Renewal.byConsole(monthly(false), PeriodType.MONTH, 0, Payment.FREE,
                Lapse.STANDARD, ORDER, RANDOM, BOUGHT));
    }

    @Test
    void anAutoPaidRenewalTakesItsPriceFromTheBalanceWhenItHoldsIt() {
        Renewal renewal = Renewal.ordered(monthly(false), PeriodType.MONTH, 2, payer("600.00"), true, Lapse.STANDARD,
                ORDER, RANDOM,
                BOUGHT);
        assertEquals(OrderStatus.COMPLETED, renewal.order().status());
        assertEquals(Amount.parse("600.00").orElseThrow(), renewal.order().amount(), "2 months x 2 units x 150.00");
        assertEquals(Amount.parse("600.00").orElseThrow(), renewal.charge().amount());
        assertEquals(DOMAIN, renewal.charge().domainId());
    }

    @Test
    void anAutoPaidRenewalWithTooLittleBalanceAwaitsPaymentHoldingTheInstanceAsItWas() {
        Instance current = monthly(false);
        Renewal renewal = Renewal.ordered(current, PeriodType.MONTH, 2, payer("599.99"), true, Lapse.STANDARD, ORDER,
                RANDOM,
                BOUGHT);
        assertEquals(OrderStatus.PENDING_PAYMENT, renewal.order().status());
        assertNull(renewal.charge(), "nothing taken");
        assertEquals(ORDER, renewal.instance().orderId(), "held until paid or cancelled");
        assertEquals(InstanceStatus.ACTIVE, renewal.instance().status(), "it keeps working");
        assertEquals(current.subscription(), renewal.instance().subscription(), "renewed only when paid");
        assertEquals(renewal.order().paymentDeadline(), renewal.order().dueAt(), "lapses unpaid after 7 days");
    }

    @Test
    void anUnpaidRenewalOfAFrozenInstanceRenewsFromTheOldExpiryAndUnfreezesWhenPaidLater() {
        Instant inRetention = EXPIRY.plus(Duration.ofDays(20));
        Instance frozen = monthly(false).frozen(inRetention);
        Renewal renewal = Renewal.ordered(frozen, PeriodType.MONTH, 1, payer("0.00"), false, Lapse.STANDARD, ORDER,
                RANDOM,
                inRetention);
        assertEquals(InstanceStatus.FROZEN, renewal.instance().status(), "frozen until paid");
        assertEquals(TaskStatus.PENDING, renewal.task().status());

        Instant paidAt = inRetention.plus(Duration.ofDays(2));
        Order.Transition paid = renewal.order().pay(renewal.instance(), null, paidAt);
        assertEquals(OrderStatus.COMPLETED, paid.order().status());
        assertEquals(InstanceStatus.ACTIVE, paid.instance().status());
        assertNull(paid.instance().orderId());
        assertEquals(Instant.parse("2026-03-31T00:00:00Z"), paid.instance().subscription().expireTime(),
                "a month from the old expiry, not from the payment");
        assertEquals(Order.TaskOutcome.SUCCEEDED, paid.taskOutcome());
    }

    @Test
    void aCancelledRenewalLeavesAFrozenInstanceFrozen() {
        Instant inRetention = EXPIRY.plus(Duration.ofDays(20));
        Instance frozen = monthly(false).frozen(inRetention);
        Renewal renewal = Renewal.ordered(frozen, PeriodType.MONTH, 1, Payment.FREE, false, Lapse.STANDARD, ORDER,
                RANDOM,
                inRetention);
        Order.Transition cancelled = renewal.order().cancelUnpaid(renewal.instance(), inRetention);
        assertEquals(InstanceStatus.FROZEN, cancelled.instance().status());
        assertEquals(frozen.subscription(), cancelled.instance().subscription());
        assertNull(cancelled.instance().orderId());
    }

    @Test
    void aRenewalAwaitingPaymentIsRefusedWhileAnotherOrderHoldsTheInstance() {
        OrderId pending = new OrderId("CS2602010000PENDS");
        Instance holding = monthly(false).withOrderState(new Flavor("iotda.standard.s1", 2),
                monthly(false).billing(), InstanceStatus.TRADING, new OrderState(pending, null), BOUGHT);
        Rejected refused = assertThrows(Rejected.class, () -> Renewal.ordered(holding, PeriodType.MONTH, 1,
                Payment.FREE, false, Lapse.STANDARD, ORDER, RANDOM, BOUGHT));
        assertEquals(Reason.ORDER_IN_PROGRESS, refused.reason());
    }

    @Test
    void anAutomaticRenewalTheBalanceCannotPayOrdersNothing() {
        assertTrue(Renewal.automatic(monthly(true), payer("299.99"), ORDER, RANDOM, EXPIRY).isEmpty());
        Renewal paid = Renewal.automatic(monthly(true), payer("300.00"), ORDER, RANDOM, EXPIRY).orElseThrow();
        assertEquals(Amount.parse("300.00").orElseThrow(), paid.charge().amount());
    }

    private static final String DOMAIN = "5c1e8a2f9b7d4c3e8f6a1b2d3c4e5f60";
    private static final PriceList PRICES = new PriceList("CNY", Map.of("iotda.standard.s1",
            new PriceList.Prices(Amount.parse("150.00").orElseThrow(), Amount.parse("1500.00").orElseThrow())));

    private static Payment payer(String balance) {
        return new Payment(PRICES, new Account(DOMAIN, "demo", Amount.parse(balance).orElseThrow()));
    }

    @Test
    void refusesAConsoleRenewalOnceRetentionEnded() {
        Rejected ended = assertThrows(Rejected.class, () -> Renewal.byConsole(monthly(false), PeriodType.MONTH, 1,
                Payment.FREE, Lapse.STANDARD, ORDER, RANDOM, EXPIRY.plus(Duration.ofDays(30))));
        assertEquals(Reason.SUBSCRIPTION_ENDED, ended.reason());
    }

    @Test
    void refusesToRenewAPayPerUseInstance() {
        Instance postPaid = Instance.create(new InstanceRef("p", "i"), Edition.STANDARD,
                new Flavor("iotda.standard.s1", 2)).at(BOUGHT);
        Rejected refused = assertThrows(Rejected.class,
                () -> Renewal.byConsole(postPaid, PeriodType.MONTH, 1, Payment.FREE, Lapse.STANDARD, ORDER, RANDOM,
                        BOUGHT));
        assertEquals(Reason.NOT_SUBSCRIBED, refused.reason());
    }
}

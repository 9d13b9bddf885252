package cloud.iotda.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.OrderState;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.task.TaskStatus;
import cloud.iotda.domain.task.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Renewals: a RENEW order paid at once, from the expiry, unfreezing a frozen instance, refused when ended. */
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
        Renewal renewal = Renewal.byConsole(current, PeriodType.MONTH, 2, ORDER, RANDOM, inGrace);
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
        Renewal renewal = Renewal.byConsole(frozen, PeriodType.YEAR, 1, ORDER, RANDOM, inRetention);
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
        Renewal renewal = Renewal.automatic(monthly(true), ORDER, RANDOM, EXPIRY);
        assertEquals(Instant.parse("2026-03-31T00:00:00Z"), renewal.instance().subscription().expireTime());
        assertEquals(new Change.Renew(PeriodType.MONTH, 1, true), renewal.order().change());
    }

    @Test
    void renewalKeepsTheUnfinishedOrderTheInstanceHolds() {
        OrderId pending = new OrderId("CS2602010000PENDS");
        Instance holding = monthly(false).withOrderState(new Flavor("iotda.standard.s1", 2),
                monthly(false).billing(), InstanceStatus.TRADING, new OrderState(pending, null), BOUGHT);
        Renewal renewal = Renewal.byConsole(holding, PeriodType.MONTH, 1, ORDER, RANDOM, EXPIRY);
        assertEquals(pending, renewal.instance().orderId());
        assertEquals(InstanceStatus.TRADING, renewal.instance().status());
    }

    @Test
    void rejectsPeriodNumTenForMonthAndFourForYear() {
        Rejected month = assertThrows(Rejected.class,
                () -> Renewal.byConsole(monthly(false), PeriodType.MONTH, 10, ORDER, RANDOM, BOUGHT));
        assertEquals(Reason.INVALID_INPUT, month.reason());
        Rejected year = assertThrows(Rejected.class,
                () -> Renewal.byConsole(monthly(false), PeriodType.YEAR, 4, ORDER, RANDOM, BOUGHT));
        assertEquals("period_num must be 1..3 when period_type is year", year.facts().get(0));
        assertThrows(Rejected.class, () -> Renewal.byConsole(monthly(false), PeriodType.MONTH, 0, ORDER, RANDOM,
                BOUGHT));
    }

    @Test
    void refusesAConsoleRenewalOnceRetentionEnded() {
        Rejected ended = assertThrows(Rejected.class, () -> Renewal.byConsole(monthly(false), PeriodType.MONTH, 1,
                ORDER, RANDOM, EXPIRY.plus(Duration.ofDays(30))));
        assertEquals(Reason.SUBSCRIPTION_ENDED, ended.reason());
    }

    @Test
    void refusesToRenewAPayPerUseInstance() {
        Instance postPaid = Instance.create(new InstanceRef("p", "i"), Edition.STANDARD,
                new Flavor("iotda.standard.s1", 2)).at(BOUGHT);
        Rejected refused = assertThrows(Rejected.class,
                () -> Renewal.byConsole(postPaid, PeriodType.MONTH, 1, ORDER, RANDOM, BOUGHT));
        assertEquals(Reason.NOT_SUBSCRIBED, refused.reason());
    }
}

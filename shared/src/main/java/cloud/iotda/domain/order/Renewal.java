package cloud.iotda.domain.order;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.domain.instance.OrderState;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.SubscriptionPhase;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A renewal as it is written: a RENEW order, the instance after it and, when the instance is FROZEN, the UNFREEZE
 * task that makes it work again (null otherwise). Paid at once, the order is COMPLETED and the subscription renewed
 * from its expiry; awaiting payment, the order holds the instance, which stays as it was (working, or FROZEN) until
 * the order is paid (renewed then, from the expiry) or cancelled. {@code charge} is what paying it took from the
 * account's balance (null: nothing).
 */
public record Renewal(Order order, Instance instance, Task task, Charge charge) {

    /** The billing console's renewal for {@code periods} of {@code type}, paid as {@code payment} pays at once. */
    public static Renewal byConsole(Instance current, PeriodType type, int periods, Payment payment, Lapse lapse,
                                    OrderId orderId, UUID taskRandom, Instant now) {
        return ordered(current, type, periods, payment, true, lapse, orderId, taskRandom, now);
    }

    /**
     * The billing center's renewal (RenewalResources): paid at once from the account's balance when {@code autoPay}
     * and the balance holds its amount, else awaiting payment (as any yearly/monthly order, for 7 days), which needs
     * the instance free of other unfinished orders.
     */
    public static Renewal ordered(Instance current, PeriodType type, int periods, Payment payment, boolean autoPay,
                                  Lapse lapse, OrderId orderId, UUID taskRandom, Instant now) {
        Change.Renew renew = checked(current, type, periods, lapse, now);
        Amount amount = payment.priceOf(current, renew, now);
        if (!autoPay) {
            return awaitingPayment(current, renew, amount, orderId, taskRandom, now);
        }
        if (amount.isZero() || payment.free()) {
            return paid(current, renew, amount, null, orderId, taskRandom, now);
        }
        Charge charge = payment.charge(amount);
        return charge == null ? awaitingPayment(current, renew, amount, orderId, taskRandom, now)
                : paid(current, renew, amount, charge, orderId, taskRandom, now);
    }

    /**
     * Checks a renewal of {@code periods} of {@code type} of {@code current} may be ordered at {@code now}, the
     * subscription lapsing as {@code lapse} says.
     */
    public static Change.Renew checked(Instance current, PeriodType type, int periods, Lapse lapse, Instant now) {
        Subscription subscription = requireSubscribed(current);
        if (periods < 1 || periods > type.maxRenewalPeriods()) {
            throw Rejected.because(Reason.INVALID_INPUT, "period_num must be 1.." + type.maxRenewalPeriods()
                    + " when period_type is " + type.wireName());
        }
        if (subscription.phaseAt(now, lapse) == SubscriptionPhase.ENDED) {
            // As the billing center says: once the retention period ends the resource cannot be renewed.
            throw Rejected.because(Reason.SUBSCRIPTION_ENDED, subscription.retentionEnd(lapse));
        }
        return new Change.Renew(type, periods, false);
    }

    /**
     * The automatic renewal for the period the subscription was bought for, paid from the account's balance; empty
     * when the balance holds less than its amount (nothing is ordered; it is tried again the next day).
     */
    public static Optional<Renewal> automatic(Instance current, Payment payment, OrderId orderId, UUID taskRandom,
                                              Instant now) {
        Subscription subscription = requireSubscribed(current);
        Change.Renew renew = new Change.Renew(subscription.periodType(), subscription.periodNum(), true);
        Amount amount = payment.priceOf(current, renew, now);
        if (amount.isZero() || payment.free()) {
            return Optional.of(paid(current, renew, amount, null, orderId, taskRandom, now));
        }
        Charge charge = payment.charge(amount);
        return charge == null ? Optional.empty()
                : Optional.of(paid(current, renew, amount, charge, orderId, taskRandom, now));
    }

    private static Subscription requireSubscribed(Instance current) {
        if (!current.billing().subscribed()) {
            throw Rejected.because(Reason.NOT_SUBSCRIBED, current.chargeMode().wireName());
        }
        return current.subscription();
    }

    private static Renewal paid(Instance current, Change.Renew renew, Amount amount, Charge charge, OrderId orderId,
                                UUID taskRandom, Instant now) {
        boolean unfreezes = current.status() == InstanceStatus.FROZEN;
        TaskId taskId = unfreezes ? TaskId.of(current.taskCount() + 1, taskRandom) : null;
        Instance after = current.renewed(renew.effectOn(current, now).billing().subscription(), now);
        Order order = new Order(orderId, current.ref(), renew, OrderStatus.COMPLETED, renew.fingerprint(), now, now,
                null, taskId, amount);
        if (!unfreezes) {
            return new Renewal(order, after, null, charge);
        }
        return new Renewal(order, after.withTasks(1),
                Task.done(taskId, current.ref(), TaskType.UNFREEZE, null, orderId, now), charge);
    }

    /** Held by its instance until paid or cancelled; a FROZEN instance's UNFREEZE task waits with it. */
    private static Renewal awaitingPayment(Instance current, Change.Renew renew, Amount amount, OrderId orderId,
                                           UUID taskRandom, Instant now) {
        if (current.orderId() != null) {
            throw Rejected.because(Reason.ORDER_IN_PROGRESS, current.orderId());
        }
        boolean unfreezes = current.status() == InstanceStatus.FROZEN;
        TaskId taskId = unfreezes ? TaskId.of(current.taskCount() + 1, taskRandom) : null;
        Order order = new Order(orderId, current.ref(), renew, OrderStatus.PENDING_PAYMENT, renew.fingerprint(), now,
                now, null, taskId, amount);
        Instance held = current.withOrderState(current.flavor(), current.billing(), current.status(),
                new OrderState(orderId, current.orders().last()), now);
        if (!unfreezes) {
            return new Renewal(order, held, null, null);
        }
        return new Renewal(order, held.withTasks(1),
                Task.pending(taskId, current.ref(), TaskType.UNFREEZE, null, orderId, null, now), null);
    }
}

package cloud.iotda.domain.order;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.SubscriptionPhase;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskType;
import java.time.Instant;
import java.util.UUID;

/**
 * A renewal as it is written: a RENEW order, paid at once and so COMPLETED, the instance with its subscription
 * renewed from its expiry, and, when the instance was FROZEN, the UNFREEZE task that makes it work again (null
 * otherwise). A renewal does not hold the instance: an unfinished order it holds stays its unfinished order.
 */
public record Renewal(Order order, Instance instance, Task task) {

    /** The billing console's renewal for {@code periods} of {@code type}. */
    public static Renewal byConsole(Instance current, PeriodType type, int periods, OrderId orderId, UUID taskRandom,
                                    Instant now) {
        Subscription subscription = requireSubscribed(current);
        if (periods < 1 || periods > type.maxPeriods()) {
            throw Rejected.because(Reason.INVALID_INPUT, "period_num must be 1.." + type.maxPeriods()
                    + " when period_type is " + type.wireName());
        }
        if (subscription.phaseAt(now) == SubscriptionPhase.ENDED) {
            // As the billing center says: once the retention period ends the resource cannot be renewed.
            throw Rejected.because(Reason.SUBSCRIPTION_ENDED, subscription.retentionEnd());
        }
        return of(current, new Change.Renew(type, periods, false), orderId, taskRandom, now);
    }

    /**
     * The automatic renewal at expiry, for the period the subscription was bought for. It is due at expiry, so a
     * processor that was down renews what it should have renewed, whenever it runs.
     */
    public static Renewal automatic(Instance current, OrderId orderId, UUID taskRandom, Instant now) {
        Subscription subscription = requireSubscribed(current);
        return of(current, new Change.Renew(subscription.periodType(), subscription.periodNum(), true), orderId,
                taskRandom, now);
    }

    private static Subscription requireSubscribed(Instance current) {
        if (!current.billing().subscribed()) {
            throw Rejected.because(Reason.NOT_SUBSCRIBED, current.chargeMode().wireName());
        }
        return current.subscription();
    }

    private static Renewal of(Instance current, Change.Renew renew, OrderId orderId, UUID taskRandom, Instant now) {
        boolean unfreezes = current.status() == InstanceStatus.FROZEN;
        TaskId taskId = unfreezes ? TaskId.of(current.taskCount() + 1, taskRandom) : null;
        Instance after = current.renewed(renew.effectOn(current, now).billing().subscription(), now);
        Order order = new Order(orderId, current.ref(), renew, OrderStatus.COMPLETED, renew.fingerprint(), now, now,
                null, taskId);
        if (!unfreezes) {
            return new Renewal(order, after, null);
        }
        return new Renewal(order, after.withTasks(1),
                Task.done(taskId, current.ref(), TaskType.UNFREEZE, null, orderId, now));
    }
}

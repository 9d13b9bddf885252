package cloud.iotda.domain.order;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskType;
import java.time.Instant;
import java.util.UUID;

/**
 * An unsubscription as it is written (the billing center's CancelResourcesSubscription): an UNSUBSCRIBE order,
 * completed at once, and the instance after it: deleted by a DELETE task when the resource is unsubscribed, or with
 * its renewed months not begun taken off. What those months cost at today's prices goes back to the account's
 * balance ({@code refund}, null: nothing, or no account to give it to). Months are this service's unit: the month
 * {@code now} falls in is begun and kept.
 */
public record Unsubscription(Order order, Instance instance, Task task, Charge refund) {

    public static Unsubscription of(Instance current, boolean renewalsOnly, Payment payment, OrderId orderId,
                                    UUID taskRandom, Instant now) {
        if (!current.billing().subscribed()) {
            throw Rejected.because(Reason.NOT_SUBSCRIBED, current.chargeMode().wireName());
        }
        if (current.orderId() != null) {
            throw Rejected.because(Reason.ORDER_IN_PROGRESS, current.orderId());
        }
        Subscription subscription = current.subscription();
        int begun = subscription.monthsBegunAt(now);
        int kept = renewalsOnly ? Math.max(begun, subscription.boughtMonths()) : begun;
        int removed = Math.max(0, subscription.months() - kept);
        if (renewalsOnly && removed == 0) {
            throw Rejected.invalid("unsubscribe_type 2 unsubscribes renewed months not begun, and resource "
                    + current.ref().instanceId() + " has none");
        }
        Change.Unsubscribe change = new Change.Unsubscribe(renewalsOnly, removed);
        Amount back = payment.priceOf(current, change, now);
        Charge refund = back.isZero() || payment.payer() == null ? null
                : Charge.refundOf(payment.payer().domainId(), back);
        if (renewalsOnly) {
            Instance shortened = current.withBilling(change.effectOn(current, now).billing(), now);
            return new Unsubscription(new Order(orderId, current.ref(), change, OrderStatus.COMPLETED,
                    change.fingerprint(), now, now, null, null, back), shortened, null, refund);
        }
        TaskId taskId = TaskId.of(current.taskCount() + 1, taskRandom);
        Instance deleted = current.expired(now).withTasks(1);
        return new Unsubscription(new Order(orderId, current.ref(), change, OrderStatus.COMPLETED,
                change.fingerprint(), now, now, null, taskId, back), deleted,
                Task.done(taskId, current.ref(), TaskType.DELETE, null, orderId, now), refund);
    }
}

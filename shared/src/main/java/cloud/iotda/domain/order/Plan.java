package cloud.iotda.domain.order;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.catalogue.FlavorSpec;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.OrderState;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.task.TargetConfig;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskType;
import java.time.Instant;
import java.util.UUID;

/**
 * What an accepted change does, decided by the business rules: the new order's status and run time, and the
 * instance's state after it. {@link #of} refuses a change the rules forbid.
 */
public record Plan(Change change, OrderStatus status, Instant executeAfter, InstanceStatus instanceStatus,
                   Change.Effect effect, Amount amount, Charge charge) {

    /** As {@link #of(Instance, Change, FlavorCatalogue, Payment, Instant)} for an order that costs nothing. */
    public static Plan of(Instance current, Change change, FlavorCatalogue catalogue, Instant now) {
        return of(current, change, catalogue, Payment.FREE, now);
    }

    /**
     * The plan for {@code change}, priced by {@code payment}: an order asked to be paid at once ({@code is_auto_pay})
     * is paid from its account's balance when the balance holds its amount, and otherwise awaits payment as an
     * order not paid at once does.
     */
    public static Plan of(Instance current, Change change, FlavorCatalogue catalogue, Payment payment, Instant now) {
        Plan plan = decide(current, change, catalogue, now);
        Amount amount = payment.priceOf(current, change, now);
        if (plan.status != OrderStatus.PENDING_PAYMENT && change.autoPay() && !amount.isZero()) {
            Charge charge = payment.charge(amount);
            if (charge == null && !payment.free()) {
                // Too little balance: placed, awaiting payment.
                return unfinished(current, change, OrderStatus.PENDING_PAYMENT, InstanceStatus.TRADING,
                        plan.executeAfter).priced(amount, null);
            }
            return plan.priced(amount, charge);
        }
        return plan.priced(amount, null);
    }

    private Plan priced(Amount newAmount, Charge newCharge) {
        return new Plan(change, status, executeAfter, instanceStatus, effect, newAmount, newCharge);
    }

    private static Plan decide(Instance current, Change change, FlavorCatalogue catalogue, Instant now) {
        if (current.orderId() != null) {
            throw Rejected.because(Reason.ORDER_IN_PROGRESS, current.orderId());
        }
        if (current.status() != InstanceStatus.ACTIVE) {
            throw Rejected.because(Reason.INSTANCE_NOT_ACTIVE, current.status());
        }
        Subscription subscription = current.subscription();
        if (current.billing().subscribed() && subscription.expiredAt(now)) {
            // Expired: in its grace period it still works, but is not resized or rebilled until renewed.
            throw Rejected.because(Reason.SUBSCRIPTION_EXPIRED, subscription.expireTime());
        }
        if (change instanceof Change.Resize resize) {
            return resize(current, resize, catalogue, now);
        }
        if (change instanceof Change.ChargeModeChange) {
            return chargeMode(current, change, catalogue, now);
        }
        throw new IllegalArgumentException("an existing instance is not bought again: " + change);
    }

    private static Plan resize(Instance current, Change.Resize resize, FlavorCatalogue catalogue, Instant now) {
        FlavorSpec target = catalogue.find(resize.flavor().type())
                .orElseThrow(() -> new IllegalArgumentException("unpublished flavor " + resize.flavor().type()));
        if (target.edition() != current.edition()) {
            throw Rejected.because(Reason.EDITION_MISMATCH, current.edition().wireName(), target.edition().wireName());
        }
        if (resize.flavor().equals(current.flavor())) {
            throw Rejected.because(Reason.FLAVOR_UNCHANGED, current.flavor());
        }
        if (catalogue.saleStatus(target.type()) == SaleStatus.SELLOUT) {
            throw Rejected.because(Reason.FLAVOR_SOLD_OUT, target.type());
        }
        if (!target.supports(current.chargeMode())) {
            throw Rejected.because(Reason.FLAVOR_NOT_BILLABLE, target.type(), current.chargeMode().wireName());
        }
        if (resize.delay() && current.profile().operateWindow() == null) {
            throw Rejected.because(Reason.NO_OPERATE_WINDOW);
        }
        Instant executeAfter = resize.delay() ? current.profile().operateWindow().nextOpening(now) : null;
        if (current.chargeMode() == ChargeMode.PRE_PAID && !resize.autoPay()) {
            return unfinished(current, resize, OrderStatus.PENDING_PAYMENT, InstanceStatus.TRADING, executeAfter);
        }
        if (resize.delay()) {
            return unfinished(current, resize, OrderStatus.SCHEDULED, InstanceStatus.ACTIVE, executeAfter);
        }
        return completed(current, resize, now);
    }

    private static Plan chargeMode(Instance current, Change change, FlavorCatalogue catalogue, Instant now) {
        if (current.chargeMode() != ChargeMode.POST_PAID) {
            throw Rejected.because(Reason.ALREADY_PREPAID, current.chargeMode().wireName());
        }
        boolean prepayable = catalogue.find(current.flavor().type())
                .map(spec -> spec.supports(ChargeMode.PRE_PAID)).orElse(false);
        if (!prepayable) {
            throw Rejected.because(Reason.FLAVOR_NOT_BILLABLE, current.flavor().type(), ChargeMode.PRE_PAID.wireName());
        }
        if (!change.autoPay()) {
            return unfinished(current, change, OrderStatus.PENDING_PAYMENT, InstanceStatus.TRADING, null);
        }
        return completed(current, change, now);
    }

    private static Plan unfinished(Instance current, Change change, OrderStatus status, InstanceStatus instanceStatus,
                                   Instant executeAfter) {
        return new Plan(change, status, executeAfter, instanceStatus,
                new Change.Effect(current.flavor(), current.billing()), Amount.ZERO, null);
    }

    private static Plan completed(Instance current, Change change, Instant now) {
        return new Plan(change, OrderStatus.COMPLETED, null, InstanceStatus.ACTIVE, change.effectOn(current, now),
                Amount.ZERO, null);
    }

    /**
     * What placing the order writes together: the order, the instance after it, the order's task, and what paying it
     * takes from its account's balance (null: nothing).
     */
    public record Placement(Order order, Instance instance, Task task, Charge charge) {
    }

    /** The placement of this plan's order as {@code orderId}, its task as {@code taskId}, at {@code now}. */
    public Placement placement(Instance current, OrderId orderId, TaskId taskId, Instant now) {
        return new Placement(order(current, orderId, taskId, now), instanceAfter(current, orderId, now),
                task(current, orderId, taskId, now), charge);
    }

    /** The order this plan places under {@code orderId}, naming its task. */
    private Order order(Instance current, OrderId orderId, TaskId taskId, Instant now) {
        return new Order(orderId, current.ref(), change, status, change.fingerprint(), now, now, executeAfter, taskId,
                amount);
    }

    /** The id the order's task takes: the instance's next task. */
    public static TaskId taskId(Instance current, UUID random) {
        return TaskId.of(current.taskCount() + 1, random);
    }

    /**
     * The order's MODIFY task: done at once when the order completes in the request, else waiting for its payment
     * or, delayed, for the instance's change window.
     */
    private Task task(Instance current, OrderId orderId, TaskId taskId, Instant now) {
        TargetConfig target = change instanceof Change.Resize resize ? new TargetConfig(resize.flavor(), null)
                : new TargetConfig(null, ChargeMode.PRE_PAID);
        return status == OrderStatus.COMPLETED ? Task.done(taskId, current.ref(), TaskType.MODIFY, target, orderId, now)
                : Task.pending(taskId, current.ref(), TaskType.MODIFY, target, orderId,
                        change.delay() ? current.profile().operateWindow() : null, now);
    }

    /**
     * The instance after the order is placed: it holds the order if it is unfinished, remembers the request, and
     * has made one more task.
     */
    private Instance instanceAfter(Instance current, OrderId orderId, Instant now) {
        OrderState orders = new OrderState(status.unfinished() ? orderId : null,
                new OrderState.LastOrder(orderId, change.fingerprint(), now));
        return current.withOrderState(effect.flavor(), effect.billing(), instanceStatus, orders, now).withTasks(1);
    }
}

package cloud.iotda.domain.order;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An order: the change asked for, what became of it, and when it may run. Each way it can move on (paid,
 * cancelled, run, deferred, expired) is a {@link Transition} from its current status.
 */
public record Order(
        OrderId orderId,
        InstanceRef instance,
        Change change,
        OrderStatus status,
        String fingerprint,
        Instant createTime,
        Instant updateTime,
        Instant executeAfter,
        TaskId taskId,
        Amount amount) {
    /**
     * An unpaid order is cancelled this long after it was placed: the billing center's 7 days to pay a yearly/monthly
     * order (shown as its {@code pending_payment_end_time}).
     */
    public static final Duration PAYMENT_DEADLINE = Duration.ofDays(7);

    public Order {
        if (amount == null) {
            throw new IllegalArgumentException("an order has an amount (zero when it costs nothing)");
        }
    }

    /** An order that costs nothing (pay-per-use, or written before orders had amounts). */
    public Order(OrderId orderId, InstanceRef instance, Change change, OrderStatus status, String fingerprint,
                 Instant createTime, Instant updateTime, Instant executeAfter, TaskId taskId) {
        this(orderId, instance, change, status, fingerprint, createTime, updateTime, executeAfter, taskId,
                Amount.ZERO);
    }

    /** When an order still awaiting payment is cancelled. */
    public Instant paymentDeadline() {
        return createTime.plus(PAYMENT_DEADLINE);
    }

    public OrderType type() {
        return change.type();
    }

    /** When the order processor has work with this order: run it, or cancel it unpaid; null once it is over. */
    public Instant dueAt() {
        return switch (status) {
            case SCHEDULED -> executeAfter;
            case PENDING_PAYMENT -> paymentDeadline();
            default -> null;
        };
    }

    public Order withStatus(OrderStatus newStatus, Instant now) {
        return new Order(orderId, instance, change, newStatus, fingerprint, createTime, now, executeAfter, taskId,
                amount);
    }

    public Order withExecuteAfter(Instant newExecuteAfter, Instant now) {
        return new Order(orderId, instance, change, status, fingerprint, createTime, now, newExecuteAfter, taskId,
                amount);
    }

    /** What a transition does to the order's task. */
    public enum TaskOutcome {
        NONE, SUCCEEDED, FAILED, CANCELLED, RETRIED
    }

    /**
     * The order's next state and, when it changes too, its instance's, and what becomes of its task. Written as one:
     * the order only if it still has {@code from}, the instance only if it is still one version below
     * {@code instance}.
     */
    public record Transition(Order order, OrderStatus from, Instance instance, TaskOutcome taskOutcome,
                             Charge charge) {
        public Transition(Order order, OrderStatus from, Instance instance, TaskOutcome taskOutcome) {
            this(order, from, instance, taskOutcome, null);
        }

        public Transition(Order order, OrderStatus from, Instance instance) {
            this(order, from, instance, TaskOutcome.NONE);
        }

        /** The same, paid from an account's balance in the same write ({@code charge} null: paid otherwise). */
        public Transition charging(Charge newCharge) {
            return new Transition(order, from, instance, taskOutcome, newCharge);
        }
    }

    /** Paid: a delayed order is then scheduled, any other runs at once ({@link #run}). */
    public Transition pay(Instance current, FlavorCatalogue catalogue, Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            throw Rejected.because(Reason.ORDER_NOT_PAYABLE, orderId, status);
        }
        if (!now.isBefore(paymentDeadline())) {
            // Its time to pay is over; the processor cancels it on its next run.
            throw Rejected.because(Reason.ORDER_NOT_PAYABLE, orderId, "past its time to pay, which ended "
                    + paymentDeadline());
        }
        requireHeldBy(current);
        if (executeAfter != null) {
            return new Transition(withStatus(OrderStatus.SCHEDULED, now), status,
                    current.withStatus(InstanceStatus.ACTIVE, now));
        }
        return run(current, catalogue, now);
    }

    /**
     * Paid as the billing center pays: from the balance of the account that placed it, which must hold its amount
     * (an order that costs nothing, or of a project of no account, is paid as {@link #pay} pays).
     */
    public Transition payFrom(Instance current, FlavorCatalogue catalogue, Payment payment, Instant now) {
        Transition paid = pay(current, catalogue, now);
        if (amount.isZero() || payment.free()) {
            return paid;
        }
        Charge charge = payment.charge(amount);
        if (charge == null) {
            throw Rejected.because(Reason.INSUFFICIENT_BALANCE, orderId, amount, payment.payer().balance());
        }
        return paid.charging(charge);
    }

    /**
     * The order's change is made, in the one write that finishes the order (so a task is never seen half run): a
     * resize to a flavor sold out since it was ordered fails instead, its instance MODIFY_FAILED with flavor and
     * billing unchanged, holding the order until it is retried or cancelled.
     */
    public Transition run(Instance current, FlavorCatalogue catalogue, Instant now) {
        requireHeldBy(current);
        if (change instanceof Change.Resize resize
                && catalogue.saleStatus(resize.flavor().type()) == SaleStatus.SELLOUT) {
            return new Transition(withStatus(OrderStatus.FAILED, now), status,
                    current.withStatus(InstanceStatus.MODIFY_FAILED, now).withoutRetryOf(orderId), TaskOutcome.FAILED);
        }
        return complete(current, now);
    }

    /**
     * A failed order runs again: at once unless it is delayed to a window that is closed now; then it is SCHEDULED
     * for the window's next opening.
     */
    public Transition retry(Instance current, FlavorCatalogue catalogue, Instant now) {
        if (status != OrderStatus.FAILED) {
            throw new IllegalStateException("only a failed order is retried: " + orderId + " is " + status);
        }
        requireHeldBy(current);
        OperateWindow window = current.profile().operateWindow();
        if (change.delay() && window != null && !window.isOpenAt(now)) {
            return new Transition(new Order(orderId, instance, change, OrderStatus.SCHEDULED, fingerprint, createTime,
                    now, window.nextOpening(now), taskId, amount), status,
                    current.withStatus(InstanceStatus.ACTIVE, now), TaskOutcome.RETRIED);
        }
        return run(current, catalogue, now);
    }

    /**
     * As the billing center cancels: only an order awaiting payment (a scheduled one is the operator's to cancel).
     */
    public Transition cancelUnpaid(Instance current, Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            throw Rejected.because(Reason.ORDER_NOT_CANCELLABLE, orderId, status);
        }
        return cancel(current, now);
    }

    /**
     * Cancelled: the instance is released unchanged (a bought instance that was never paid has FAILED), and a resent
     * request is no longer answered with this order.
     */
    public Transition cancel(Instance current, Instant now) {
        if (!status.unfinished()) {
            throw Rejected.because(Reason.ORDER_FINISHED, orderId, status);
        }
        requireHeldBy(current);
        return new Transition(withStatus(OrderStatus.CANCELLED, now), status,
                current.releasedAs(change.statusAfterCancel(current.status()), now).withoutRetryOf(orderId),
                TaskOutcome.CANCELLED);
    }

    /**
     * What the processor does with a due order at {@code now}: run a scheduled one inside its window (or move it to
     * the next opening when the window passed unseen), cancel one left unpaid past the deadline; nothing otherwise.
     */
    public Optional<Transition> processAt(Instance current, FlavorCatalogue catalogue, Instant now) {
        if (status == OrderStatus.PENDING_PAYMENT) {
            return now.isBefore(paymentDeadline()) ? Optional.empty()
                    : Optional.of(cancel(current, now));
        }
        if (status != OrderStatus.SCHEDULED || (executeAfter != null && now.isBefore(executeAfter))) {
            return Optional.empty();
        }
        OperateWindow window = current.profile().operateWindow();
        if (window != null && !window.isOpenAt(now)) {
            // Never outside a window: it waits for the next one.
            return Optional.of(new Transition(withExecuteAfter(window.nextOpening(now), now), status, null));
        }
        return Optional.of(run(current, catalogue, now));
    }

    /** A scheduled order follows its instance's new window: it runs at the window's next opening instead. */
    public Transition followWindow(Instance changed, Instant now) {
        OperateWindow window = changed.profile().operateWindow();
        if (status != OrderStatus.SCHEDULED || window == null) {
            throw new IllegalStateException("only a scheduled order follows a window: " + orderId + " is " + status);
        }
        return new Transition(withExecuteAfter(window.nextOpening(now), now), status, changed);
    }

    private void requireHeldBy(Instance current) {
        if (!orderId.equals(current.orderId())) {
            throw new IllegalStateException("order " + orderId + " is not its instance's unfinished order");
        }
    }

    private Transition complete(Instance current, Instant now) {
        Change.Effect effect = change.effectOn(current, now);
        return new Transition(withStatus(OrderStatus.COMPLETED, now), status,
                current.released(effect.flavor(), effect.billing(), now),
                TaskOutcome.SUCCEEDED);
    }
}

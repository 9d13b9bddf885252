package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskStatus;
import cloud.iotda.usecase.port.Conflict;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How an unfinished order finishes at a client's or an operator's word: paid or cancelled (the billing console's
 * part), and a failed task's order run again (RetryInstanceTask). The order processor runs the rest
 * ({@link OrderProcessor}).
 */
public final class OrderLifecycle {
    private final Instances instances;
    private final Orders orders;
    private final Tasks tasks;
    private final InstanceFlavors flavors;
    private final InstanceTasks instanceTasks;
    private final Clock clock;
    private final RetryPolicy races;

    public OrderLifecycle(Instances instances, Orders orders, Tasks tasks, InstanceFlavors flavors, Clock clock,
                          RetryPolicy races) {
        this.instances = instances;
        this.orders = orders;
        this.tasks = tasks;
        this.flavors = flavors;
        this.instanceTasks = new InstanceTasks(instances, tasks, clock);
        this.clock = clock;
        this.races = races;
    }

    /**
     * Pays an order awaiting payment as the operator does (nothing is taken from a balance): a delayed one is then
     * scheduled, any other runs at once.
     */
    public Order pay(OrderId orderId) {
        return move(orderId, (order, instance, now) -> order.pay(instance, flavors.current(), now));
    }

    /** Pays an order awaiting payment as the billing center does (PayOrders): from its account's balance. */
    public Order payFrom(OrderId orderId, Payers payers) {
        return move(orderId, (order, instance, now) -> order.payFrom(instance, flavors.current(),
                payers.of(order.instance().projectId()), now));
    }

    /**
     * RetryInstanceTask: a FAILED task's order runs again, at once or, delayed to a closed window, when it opens;
     * the task as it is after the retry.
     */
    public Task retry(InstanceRef ref, TaskId taskId) {
        Instant now = clock.instant();
        AtomicReference<Task> attempted = new AtomicReference<>();
        return races.run(() -> {
            // One read of the instance: for the task's keeping, and as the version the retry writes against.
            Instance instance = Lookup.instanceOrDeleted(instances, ref);
            Task task = instanceTasks.show(instance, taskId);
            if (task.equals(attempted.get())) {
                return task; // our write was made though its answer was lost
            }
            if (task.status() != TaskStatus.FAILED || task.orderId() == null) {
                throw Rejected.because(Reason.TASK_NOT_RETRYABLE, taskId, task.status());
            }
            Order order = orders.find(ref, task.orderId()).filter(found -> found.status() == OrderStatus.FAILED)
                    // Its order was cancelled: the task ended with it and stays so.
                    .orElseThrow(() -> Rejected.because(Reason.TASK_NOT_RETRYABLE, taskId, task.status()));
            Order.Transition transition = order.retry(instance, flavors.current(), now);
            // The answer is the task as this write leaves it: nothing is read after the write.
            Task after = task.after(transition.taskOutcome(), now);
            attempted.set(after);
            orders.apply(transition, List.of(after));
            return after;
        });
    }

    /** Cancels an unfinished order and releases its instance unchanged. */
    public Order cancel(OrderId orderId) {
        return move(orderId, Order::cancel);
    }

    /** Cancels an order awaiting payment, as the billing center does (CancelCustomerOrder). */
    public Order cancelUnpaid(OrderId orderId) {
        return move(orderId, Order::cancelUnpaid);
    }

    /**
     * The billing console's step on one order, read, decided and written again until no one else interferes. A
     * write whose answer was lost (the store retried it and found its own work done) is recognized on the re-read
     * and answered as done, not refused as if someone else had moved the order.
     */
    private Order move(OrderId orderId, Move move) {
        Instant now = clock.instant();
        AtomicReference<Order> attempted = new AtomicReference<>();
        return races.run(() -> {
            Order order = orderById(orderId);
            if (order.equals(attempted.get())) {
                return order;
            }
            Instance instance = instanceOf(order);
            if (order.status().unfinished() && !orderId.equals(instance.orderId())
                    && orders.find(order.instance(), orderId).filter(order::equals).isEmpty()) {
                // Another step finished the order between the two reads (a pay and a cancel raced): decide again
                // on the order as it is now, which refuses this step as that order's state deserves.
                throw new Conflict("order " + orderId + " moved on while it was read");
            }
            Order.Transition transition = move.of(order, instance, now);
            attempted.set(transition.order());
            TaskMoves.apply(orders, tasks, transition, now);
            return transition.order();
        });
    }

    /** One of the order's own transitions, such as {@link Order#pay}. */
    @FunctionalInterface
    private interface Move {
        Order.Transition of(Order order, Instance instance, Instant now);
    }

    private Order orderById(OrderId orderId) {
        return orders.findById(orderId).orElseThrow(() -> Rejected.because(Reason.ORDER_NOT_FOUND, orderId));
    }

    private Instance instanceOf(Order order) {
        return instances.find(order.instance()).orElseThrow(() -> new IllegalStateException(
                "order " + order.orderId() + " has no instance " + order.instance()));
    }
}

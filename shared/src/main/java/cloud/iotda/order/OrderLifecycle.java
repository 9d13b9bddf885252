package cloud.iotda.order;

import cloud.iotda.api.ErrorCode;
import cloud.iotda.api.internal.Log;
import cloud.iotda.catalogue.FlavorCatalogue;
import cloud.iotda.instance.Instance;
import cloud.iotda.instance.InstanceStatus;
import cloud.iotda.instance.OperateWindow;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How unfinished orders finish: paid or cancelled (the billing console's part), executed in their instance's change
 * window, or cancelled unpaid after {@link Order#PAYMENT_DEADLINE}. Every step is one conditional transaction on
 * the order's status and the instance's version, so a step runs once however many processors race for it, and a
 * crash between two orders loses neither.
 */
public final class OrderLifecycle {
    public static final int DEFAULT_PAGE_SIZE = 25;
    private static final int ATTEMPTS = 5;

    private final OrderStore store;
    private final FlavorCatalogue catalogue;
    private final Clock clock;

    public OrderLifecycle(OrderStore store, FlavorCatalogue catalogue, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** What one run of the processor did. */
    public record Report(int executed, int deferred, int expired, int skipped, int failed) {
        Report plus(Step step) {
            return new Report(executed + (step == Step.EXECUTED ? 1 : 0), deferred + (step == Step.DEFERRED ? 1 : 0),
                    expired + (step == Step.EXPIRED ? 1 : 0), skipped + (step == Step.SKIPPED ? 1 : 0),
                    failed + (step == Step.FAILED ? 1 : 0));
        }
    }

    private enum Step { EXECUTED, DEFERRED, EXPIRED, SKIPPED, FAILED }

    /** Pays an order awaiting payment: a delayed one is then scheduled, any other runs at once. */
    public Order pay(String orderId) {
        return retrying(() -> {
            Order order = orderById(orderId);
            if (order.status() != OrderStatus.PENDING_PAYMENT) {
                throw ErrorCode.ORDER_NOT_PAYABLE.exception(orderId, order.status());
            }
            Instance instance = instanceOf(order);
            Instant now = clock.instant();
            if (order.executeAfter() != null) {
                Order scheduled = order.withStatus(OrderStatus.SCHEDULED, now);
                store.transition(scheduled, OrderStatus.PENDING_PAYMENT, instance.withStatus(InstanceStatus.ACTIVE, now));
                return scheduled;
            }
            Order completed = order.withStatus(OrderStatus.COMPLETED, now);
            store.transition(completed, OrderStatus.PENDING_PAYMENT,
                    OrderEffect.of(instance, OrderEffect.requestOf(order, catalogue), now).appliedTo(instance, now));
            return completed;
        });
    }

    /** Cancels an unfinished order and releases its instance unchanged. */
    public Order cancel(String orderId) {
        return retrying(() -> {
            Order order = orderById(orderId);
            if (!order.status().unfinished()) {
                throw ErrorCode.ORDER_FINISHED.exception(orderId, order.status());
            }
            return release(order, instanceOf(order), clock.instant());
        });
    }

    /** One run of the order processor: every due order, page by page. */
    public Report processDue() {
        return processDue(DEFAULT_PAGE_SIZE);
    }

    public Report processDue(int pageSize) {
        return processDue(pageSize, () -> true);
    }

    /** As {@link #processDue()}, starting a new page only while {@code keepGoing} says so. */
    public Report processDue(int pageSize, BooleanSupplier keepGoing) {
        Instant now = clock.instant();
        Report report = new Report(0, 0, 0, 0, 0);
        for (OrderStatus status : new OrderStatus[] {OrderStatus.SCHEDULED, OrderStatus.PENDING_PAYMENT}) {
            String cursor = null;
            do {
                OrderStore.Page<Order> page = store.dueOrders(status, now, pageSize, cursor);
                for (Order due : page.items()) {
                    report = report.plus(processOne(due, now));
                }
                cursor = page.next();
            } while (cursor != null && keepGoing.getAsBoolean());
        }
        return report;
    }

    private Step processOne(Order due, Instant now) {
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                // Instance first, then the order row (the index may lag): if another run finishes the order in
                // between, the order read shows it, and a finish after both reads fails this run's condition.
                Instance instance = store.findInstance(due.projectId(), due.instanceId()).orElse(null);
                Optional<Order> current = store.findOrder(due.projectId(), due.instanceId(), due.orderId());
                if (current.isEmpty() || current.get().status() != due.status()) {
                    return Step.SKIPPED;
                }
                Order order = current.get();
                if (instance == null || !order.orderId().equals(instance.orderId())) {
                    Log.error(null, "order " + order.orderId() + " is not its instance's unfinished order",
                            new IllegalStateException(String.valueOf(instance == null ? null : instance.orderId())));
                    return Step.FAILED;
                }
                try {
                    return order.status() == OrderStatus.SCHEDULED ? execute(order, instance, now) : expire(order, instance, now);
                } catch (OrderStore.Conflict conflict) {
                    // Someone changed the order or the instance meanwhile: read again and decide again.
                }
            }
            return Step.SKIPPED;
        } catch (RuntimeException e) {
            // One order's failure does not stop the run; the order stays due and the next run takes it again.
            Log.error(null, "order " + due.orderId() + " could not be processed", e);
            return Step.FAILED;
        }
    }

    private Step execute(Order order, Instance instance, Instant now) {
        OperateWindow window = instance.operateWindow();
        if (order.executeAfter() != null && now.isBefore(order.executeAfter())) {
            return Step.SKIPPED;
        }
        if (window != null && !window.isOpenAt(now)) {
            // The window passed while nobody ran this order: it waits for the next one, never runs outside it.
            store.transition(order.withExecuteAfter(window.nextOpening(now), now), OrderStatus.SCHEDULED, null);
            return Step.DEFERRED;
        }
        store.transition(order.withStatus(OrderStatus.COMPLETED, now), OrderStatus.SCHEDULED,
                OrderEffect.of(instance, OrderEffect.requestOf(order, catalogue), now).appliedTo(instance, now));
        return Step.EXECUTED;
    }

    private Step expire(Order order, Instance instance, Instant now) {
        if (now.isBefore(order.createTime().plus(Order.PAYMENT_DEADLINE))) {
            return Step.SKIPPED;
        }
        release(order, instance, now);
        return Step.EXPIRED;
    }

    private Order release(Order order, Instance instance, Instant now) {
        Order cancelled = order.withStatus(OrderStatus.CANCELLED, now);
        store.transition(cancelled, order.status(),
                instance.released(instance.flavor(), instance.chargeMode(), instance.subscription(), now));
        return cancelled;
    }

    private Order orderById(String orderId) {
        return store.findOrderById(orderId).orElseThrow(() -> ErrorCode.ORDER_NOT_FOUND.exception(orderId));
    }

    private Instance instanceOf(Order order) {
        return store.findInstance(order.projectId(), order.instanceId())
                .filter(instance -> order.orderId().equals(instance.orderId()))
                .orElseThrow(() -> new IllegalStateException("order " + order.orderId() + " is not its instance's unfinished order"));
    }

    private static <T> T retrying(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (OrderStore.Conflict conflict) {
                if (attempt == ATTEMPTS) {
                    throw ErrorCode.CONCURRENT_CHANGE.exception();
                }
            }
        }
    }
}

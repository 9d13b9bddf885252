package cloud.iotda.usecase;

import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.task.Task;
import cloud.iotda.usecase.port.ErrorLog;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Page;
import cloud.iotda.usecase.port.ProcessorPasses;
import cloud.iotda.usecase.port.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The order processor's run: every due order run in its instance's change window or cancelled unpaid after
 * {@link Order#PAYMENT_DEADLINE}, then every due subscription renewed, frozen or deleted. Every step is one conditional
 * write on the order's status and the instance's version, so a step runs once however many runs race for it, and a
 * crash between two orders loses neither. Running an order uses only what the order stores.
 */
public final class OrderProcessor {
    /** Due orders a page: read at once, then made side by side, {@code parallelism} at a time. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final Instances instances;
    private final Orders orders;
    private final Tasks tasks;
    private final InstanceFlavors flavors;
    private final Subscriptions subscriptions;
    private final ProcessorPasses passes;
    private final int parallelism;
    private final Clock clock;
    private final RetryPolicy races;
    private final ErrorLog errors;

    /** @param parallelism how many due orders (or subscriptions) of a page a run makes at once */
    public OrderProcessor(Instances instances, Orders orders, Tasks tasks, InstanceFlavors flavors,
                          Subscriptions subscriptions, ProcessorPasses passes, Clock clock, RetryPolicy races,
                          ErrorLog errors, int parallelism) {
        this.instances = instances;
        this.orders = orders;
        this.tasks = tasks;
        this.flavors = flavors;
        this.subscriptions = subscriptions;
        this.passes = passes;
        this.clock = clock;
        this.races = races;
        this.errors = errors;
        this.parallelism = parallelism;
    }

    /**
     * What one run of the processor did: orders executed, deferred to their window, expired unpaid, skipped, that
     * it could not process (an error, logged; subscriptions too), and whose change failed (a task FAILED, a flavor
     * sold out); subscriptions renewed automatically, automatic renewals the balance could not pay (tried again the
     * next day), instances frozen and deleted at the end of their grace and retention periods.
     */
    public record Report(int executed, int deferred, int expired, int skipped, int failed, int tasksFailed,
                         int renewed, int renewalsUnpaid, int frozen, int deleted, Duration oldestDue) {
        static final Report NONE = new Report(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO);

        Report plus(Step step) {
            return new Report(executed + (step == Step.EXECUTED ? 1 : 0), deferred + (step == Step.DEFERRED ? 1 : 0),
                    expired + (step == Step.EXPIRED ? 1 : 0), skipped + (step == Step.SKIPPED ? 1 : 0),
                    failed + (step == Step.FAILED ? 1 : 0), tasksFailed + (step == Step.TASK_FAILED ? 1 : 0),
                    renewed, renewalsUnpaid, frozen, deleted, oldestDue);
        }

        Report plus(Subscriptions.Counts counts) {
            return new Report(executed, deferred, expired, skipped, failed + counts.failed(), tasksFailed,
                    renewed + counts.renewed(), renewalsUnpaid + counts.renewalsUnpaid(), frozen + counts.frozen(),
                    deleted + counts.deleted(), oldestDue);
        }

        Report withOldestDue(Duration age) {
            return new Report(executed, deferred, expired, skipped, failed, tasksFailed, renewed, renewalsUnpaid,
                    frozen, deleted, age);
        }
    }

    private enum Step { EXECUTED, DEFERRED, EXPIRED, SKIPPED, FAILED, TASK_FAILED }

    /** One run of the order processor: every due order, page by page. */
    public Report processDue() {
        return processDue(DEFAULT_PAGE_SIZE, () -> true);
    }

    /** As {@link #processDue()}, {@code pageSize} orders a page, starting a new page only while {@code keepGoing}. */
    public Report processDue(int pageSize, BooleanSupplier keepGoing) {
        return processAt(clock.instant(), pageSize, keepGoing);
    }

    /**
     * One run as of {@code at} instead of now (local and operator use: watch a subscription go through its periods
     * in seconds). Refused for an instant before the latest run, since time does not go back: what that run did
     * would otherwise seem to have happened before it was due.
     */
    public Report processAsOf(Instant at) {
        Optional<Instant> latest = passes.latest();
        if (latest.isPresent() && at.isBefore(latest.get())) {
            throw new IllegalArgumentException("the processor already ran as of " + latest.get() + "; " + at
                    + " is before that");
        }
        return processAt(at, DEFAULT_PAGE_SIZE, () -> true);
    }

    /**
     * Due orders first, then due subscriptions, as of {@code now}, the work of a page side by side; then the run is
     * recorded, with the age of the oldest work still due (what a run that could not finish left behind).
     */
    private Report processAt(Instant now, int pageSize, BooleanSupplier keepGoing) {
        Report report = Report.NONE;
        // The sale settings as this run starts: one read for every order it runs.
        FlavorCatalogue catalogue = flavors.current();
        try (Parallel parallel = new Parallel(parallelism)) {
            for (OrderStatus status : new OrderStatus[] {OrderStatus.SCHEDULED, OrderStatus.PENDING_PAYMENT}) {
                String cursor = null;
                do {
                    Page<Order> page = orders.due(status, now, pageSize, cursor);
                    for (Step step : parallel.map(page.items(), due -> processOne(due, catalogue, now))) {
                        report = report.plus(step);
                    }
                    cursor = page.next();
                } while (cursor != null && keepGoing.getAsBoolean());
            }
            report = report.plus(subscriptions.processDue(now, pageSize, keepGoing, parallel));
        }
        try {
            passes.record(now);
        } catch (RuntimeException e) {
            // The run's work is written; only the guard of processAsOf misses this run.
            errors.error("the processor run as of " + now + " could not be recorded", e);
        }
        return report.withOldestDue(oldestDue(now));
    }

    /**
     * How long the oldest order still due at the end of a run has been due (zero when none is): a run that could
     * not finish leaves its backlog here, which the alarm on this figure sees. A failed read counts as none known.
     */
    private Duration oldestDue(Instant now) {
        Instant oldest = null;
        try {
            for (OrderStatus status : new OrderStatus[] {OrderStatus.SCHEDULED, OrderStatus.PENDING_PAYMENT}) {
                for (Order due : orders.due(status, now, 1, null).items()) {
                    if (oldest == null || due.dueAt().isBefore(oldest)) {
                        oldest = due.dueAt();
                    }
                }
            }
        } catch (RuntimeException e) {
            errors.error("the processor could not read the oldest due order", e);
        }
        return oldest == null ? Duration.ZERO : Duration.between(oldest, now);
    }

    private Step processOne(Order due, FlavorCatalogue catalogue, Instant now) {
        // First the order's task is ended in place, unread; a lost condition (a race, or a task that is missing or
        // has ended) is decided again, and then written from the task as read.
        AtomicBoolean endedUnread = new AtomicBoolean();
        try {
            return races.run(() -> {
                // Instance first, then the order row (the index may lag): if another run finishes the order in
                // between, the order read shows it, and a finish after both reads fails this run's condition.
                Optional<Instance> instance = instances.find(due.instance());
                Optional<Order> current = orders.find(due.instance(), due.orderId());
                if (current.isEmpty() || current.get().status() != due.status()) {
                    return Step.SKIPPED;
                }
                Order order = current.get();
                if (instance.isEmpty() || !order.orderId().equals(instance.get().orderId())) {
                    errors.error("order " + order.orderId() + " is not its instance's unfinished order",
                            new IllegalStateException(String.valueOf(instance.map(Instance::orderId).orElse(null))));
                    return Step.FAILED;
                }
                Optional<Order.Transition> transition = order.processAt(instance.get(), catalogue, now);
                if (transition.isEmpty()) {
                    return Step.SKIPPED;
                }
                Optional<Task.End> end = Task.End.of(order, transition.get().taskOutcome(), now);
                if (end.isPresent() && endedUnread.compareAndSet(false, true)) {
                    orders.apply(transition.get(), end.get());
                } else {
                    TaskMoves.apply(orders, tasks, transition.get(), now);
                }
                return switch (transition.get().order().status()) {
                    case COMPLETED -> Step.EXECUTED;
                    case CANCELLED -> Step.EXPIRED;
                    case FAILED -> Step.TASK_FAILED;
                    default -> Step.DEFERRED;
                };
            });
        } catch (Rejected rejected) {
            // Kept changing under this run (CONCURRENT_CHANGE): it stays due for the next run.
            return Step.SKIPPED;
        } catch (RuntimeException e) {
            // One order's failure does not stop the run; the order stays due and the next run takes it again.
            errors.error("order " + due.orderId() + " could not be processed", e);
            return Step.FAILED;
        }
    }

}

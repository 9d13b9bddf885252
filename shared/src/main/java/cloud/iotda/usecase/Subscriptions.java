package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.SubscriptionPhase;
import cloud.iotda.domain.instance.SubscriptionStep;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.Payment;
import cloud.iotda.domain.order.Plan;
import cloud.iotda.domain.order.Renewal;
import cloud.iotda.domain.order.Unsubscription;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskType;
import cloud.iotda.usecase.port.ErrorLog;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Page;
import cloud.iotda.usecase.port.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Yearly/monthly subscriptions after the billing center's expiration rules: renewed by hand (the operator, or the
 * customer through the billing API) or automatically, charged to the account's balance from 03:00 seven days before
 * expiry and daily while the balance is short; unrenewed at expiry, a grace period in which the instance works, then
 * a retention period in which it is FROZEN, then deletion. Each step is one conditional write on the instance's
 * version (with its order and task), so a step is made once however many processors race for it, and a processor
 * that was down catches up step by step in the order the steps fell due.
 */
public final class Subscriptions {
    /** A processor that was down a long time renews a monthly subscription at most this often in one pass. */
    static final int MAX_STEPS_PER_INSTANCE = 120;

    private final Instances instances;
    private final Orders orders;
    private final Tasks tasks;
    private final IdSource ids;
    private final Clock clock;
    private final RetryPolicy retry;
    private final ErrorLog errors;
    private final Payers payers;
    private final Lapse lapse;

    public Subscriptions(Instances instances, Orders orders, Tasks tasks, IdSource ids, Clock clock, RetryPolicy retry,
                         ErrorLog errors, Payers payers, Lapse lapse) {
        this.payers = payers;
        this.lapse = lapse;
        this.instances = instances;
        this.orders = orders;
        this.tasks = tasks;
        this.ids = ids;
        this.clock = clock;
        this.retry = retry;
        this.errors = errors;
    }

    /** An instance's subscription as the operator sees it: the instance, and its phase now. */
    public record Entry(Instance instance, SubscriptionPhase phase) {
    }

    /**
     * What one pass did with subscriptions: renewed, automatic renewals the balance could not pay (tried again the
     * next day), frozen, deleted, and those it could not process (logged).
     */
    public record Counts(int renewed, int renewalsUnpaid, int frozen, int deleted, int failed) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(renewed + other.renewed, renewalsUnpaid + other.renewalsUnpaid, frozen + other.frozen,
                    deleted + other.deleted, failed + other.failed);
        }

        private Counts plus(Made made) {
            return new Counts(renewed + (made == Made.RENEWED ? 1 : 0),
                    renewalsUnpaid + (made == Made.RENEWAL_UNPAID ? 1 : 0), frozen + (made == Made.FROZEN ? 1 : 0),
                    deleted + (made == Made.DELETED ? 1 : 0), failed);
        }
    }

    /** What one step on a subscription made. */
    private enum Made { RENEWED, RENEWAL_UNPAID, FROZEN, DELETED }

    /**
     * The operator's renewal: a RENEW order, priced and paid at once without taking from a balance, the subscription
     * renewed from its expiry (in the grace or retention period too), a FROZEN instance unfrozen.
     */
    public Order renew(InstanceRef ref, PeriodType type, int periods) {
        return renewAll(List.of(ref), type, periods, new Payment(payers.prices(), null), true).get(0);
    }

    /**
     * The billing center's renewal (RenewalResources) of {@code refs}, all of one account's projects, each by its own
     * order, written as one: with {@code autoPay} all paid from the account's balance when it holds their sum,
     * otherwise all awaiting payment; nothing is written when one of them cannot be renewed.
     */
    public List<Order> renewForCustomer(List<InstanceRef> refs, PeriodType type, int periods, boolean autoPay) {
        Payment payment = autoPay ? payers.of(refs.get(0).projectId()) : new Payment(payers.prices(), null);
        return renewAll(refs, type, periods, payment, autoPay);
    }

    private List<Order> renewAll(List<InstanceRef> refs, PeriodType type, int periods, Payment payment,
                                 boolean autoPay) {
        Instant now = clock.instant();
        // Every set of ids an attempt wrote under: a write whose answer was lost is found again, not made twice; new
        // ids for each attempt, since a lost write may have lost to another order holding one of them.
        List<List<OrderId>> tried = new ArrayList<>();
        return retry.run(() -> {
            Optional<List<Order>> earlier = madeEarlier(refs, tried);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            List<Instance> current = new ArrayList<>();
            for (InstanceRef ref : refs) {
                current.add(Lookup.instance(instances, ref));
            }
            List<OrderId> ids = new ArrayList<>();
            for (int i = 0; i < refs.size(); i++) {
                ids.add(this.ids.nextOrderId(now));
            }
            tried.add(ids);
            List<Renewal> renewals = renewals(current, type, periods, payment, autoPay, ids, now);
            Charge charge = total(renewals);
            if (charge != null && payment.charge(charge.amount()) == null) {
                // Each alone would be paid, not all together: all await payment, as one order would.
                renewals = renewals(current, type, periods, payment, false, ids, now);
                charge = null;
            }
            orders.place(renewals.stream().map(renewal -> new Plan.Placement(renewal.order(), renewal.instance(),
                    renewal.task(), null)).toList(), charge);
            return renewals.stream().map(Renewal::order).toList();
        });
    }

    /**
     * The billing center's unsubscription (CancelResourcesSubscription) of {@code refs}, all of one account's
     * projects: each by its own completed order, the resource deleted (or only its renewed months not begun taken
     * off when {@code renewalsOnly}), what the months not begun cost given back to the account's balance; all
     * written as one, nothing when one of them cannot be unsubscribed.
     */
    public List<Order> unsubscribe(List<InstanceRef> refs, boolean renewalsOnly) {
        Instant now = clock.instant();
        Payment payment = payers.of(refs.get(0).projectId());
        // As renewAll: the ids of every attempt, to find a write whose answer was lost.
        List<List<OrderId>> tried = new ArrayList<>();
        return retry.run(() -> {
            Optional<List<Order>> earlier = madeEarlier(refs, tried);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            List<OrderId> orderIds = new ArrayList<>();
            List<Plan.Placement> placements = new ArrayList<>();
            Charge refund = null;
            for (InstanceRef ref : refs) {
                OrderId orderId = ids.nextOrderId(now);
                orderIds.add(orderId);
                Unsubscription made = Unsubscription.of(Lookup.instance(instances, ref), renewalsOnly, payment,
                        orderId, ids.nextTaskRandom(), now);
                placements.add(new Plan.Placement(made.order(), made.instance(), made.task(), null));
                if (made.refund() != null) {
                    refund = refund == null ? made.refund() : refund.plus(made.refund());
                }
            }
            tried.add(orderIds);
            orders.place(placements, refund);
            return placements.stream().map(Plan.Placement::order).toList();
        });
    }

    /**
     * The orders of {@code refs} an earlier attempt wrote under one of the {@code tried} sets of ids, if its write was
     * made though its answer was lost (the orders were written as one: the first one found means all were).
     */
    private Optional<List<Order>> madeEarlier(List<InstanceRef> refs, List<List<OrderId>> tried) {
        for (List<OrderId> earlier : tried) {
            if (orders.find(refs.get(0), earlier.get(0)).isPresent()) {
                List<Order> made = new ArrayList<>();
                for (int i = 0; i < refs.size(); i++) {
                    made.add(orders.find(refs.get(i), earlier.get(i)).orElseThrow());
                }
                return Optional.of(made);
            }
        }
        return Optional.empty();
    }

    private List<Renewal> renewals(List<Instance> current, PeriodType type, int periods, Payment payment,
                                   boolean autoPay, List<OrderId> orderIds, Instant now) {
        List<Renewal> renewals = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            renewals.add(Renewal.ordered(current.get(i), type, periods, payment, autoPay, lapse, orderIds.get(i),
                    ids.nextTaskRandom(), now));
        }
        return renewals;
    }

    /** The renewals' charges as one (an account's balance is written once in a transaction); null: none. */
    private static Charge total(List<Renewal> renewals) {
        Charge total = null;
        for (Renewal renewal : renewals) {
            Charge charge = renewal.charge();
            if (charge != null) {
                total = total == null ? charge : total.plus(charge);
            }
        }
        return total;
    }

    /** Switches auto-renewal on or off; on for an expired subscription, the next pass renews it from its expiry. */
    public Instance autoRenew(InstanceRef ref, boolean on) {
        Instant now = clock.instant();
        return retry.run(() -> {
            Instance current = Lookup.instance(instances, ref);
            if (current.subscription() != null && current.subscription().autoRenew() == on) {
                return current;
            }
            Instance changed = current.withAutoRenew(on, now);
            instances.update(changed);
            return changed;
        });
    }

    /**
     * Every yearly/monthly instance (of {@code project} when given) whose subscription expires within
     * {@code expiringWithin} of now, expired ones included (all when not given), soonest first. A full read of the
     * table: for the operator, not the request path.
     */
    public List<Entry> list(Optional<String> project, Optional<Duration> expiringWithin) {
        return list(project, expiringWithin, clock.instant());
    }

    /** As {@link #list(Optional, Optional)}, as of {@code now} (the instant a processor pass ran as of). */
    public List<Entry> list(Optional<String> project, Optional<Duration> expiringWithin, Instant now) {
        return instances.all().stream()
                .filter(instance -> instance.billing().subscribed())
                .filter(instance -> project.map(instance.ref().projectId()::equals).orElse(true))
                .filter(instance -> expiringWithin.map(within -> instance.subscription().expireTime()
                        .isBefore(now.plus(within))).orElse(true))
                .sorted(Comparator.comparing((Instance instance) -> instance.subscription().expireTime())
                        .thenComparing(instance -> instance.ref().instanceId()))
                .map(instance -> new Entry(instance, instance.subscription().phaseAt(now, lapse)))
                .toList();
    }

    /**
     * The processor's pass over due subscriptions as of {@code now}, page by page while {@code keepGoing}, a page's
     * instances side by side on {@code parallel}.
     */
    Counts processDue(Instant now, int pageSize, BooleanSupplier keepGoing, Parallel parallel) {
        Counts counts = Counts.NONE;
        String cursor = null;
        do {
            Page<Instance> page = instances.subscriptionsDue(now, pageSize, cursor);
            for (Counts made : parallel.map(page.items(), due -> processOne(due.ref(), now))) {
                counts = counts.plus(made);
            }
            cursor = page.next();
        } while (cursor != null && keepGoing.getAsBoolean());
        return counts;
    }

    /** Every step due on one instance by {@code now}, in order: a renewal at each expiry, or freeze, then deletion. */
    private Counts processOne(InstanceRef ref, Instant now) {
        Counts counts = Counts.NONE;
        // The instance as this pass last wrote it: the next step is decided on it without reading it again; a lost
        // race clears it, and the retry reads the row.
        AtomicReference<Instance> written = new AtomicReference<>();
        try {
            for (int steps = 0; steps < MAX_STEPS_PER_INSTANCE; steps++) {
                Optional<Made> made = retry.run(() -> step(ref, now, written));
                if (made.isEmpty()) {
                    return counts;
                }
                counts = counts.plus(made.get());
            }
            return counts;
        } catch (Rejected rejected) {
            // Kept changing under this pass (CONCURRENT_CHANGE): it stays due for the next pass.
            return counts;
        } catch (RuntimeException e) {
            // One instance's failure does not stop the pass; it stays due and the next pass takes it again.
            errors.error("subscription of instance " + ref + " could not be processed", e);
            return counts.plus(new Counts(0, 0, 0, 0, 1));
        }
    }

    /**
     * Makes the step due by {@code now} on the instance as this pass wrote it, or else as read (the index may lag:
     * the row decides), if any step is due.
     */
    private Optional<Made> step(InstanceRef ref, Instant now, AtomicReference<Instance> written) {
        Instance known = written.getAndSet(null);
        Optional<Instance> found = known != null ? Optional.of(known) : instances.find(ref);
        found = found.filter(instance -> !instance.isDeleted());
        Optional<SubscriptionStep> step = found.flatMap(instance -> instance.subscriptionStepAt(now, lapse));
        if (step.isEmpty()) {
            return Optional.empty();
        }
        Instance instance = found.get();
        if (step.get() == SubscriptionStep.RENEW) {
            Optional<Renewal> renewal = Renewal.automatic(instance, payers.of(ref.projectId()), ids.nextOrderId(now),
                    ids.nextTaskRandom(), now);
            if (renewal.isEmpty()) {
                // Too little balance: nothing ordered; tried again at 03:00 tomorrow, while grace and freezing run on.
                Instance tried = instance.renewalTried(now);
                instances.update(tried);
                written.set(tried);
                return Optional.of(Made.RENEWAL_UNPAID);
            }
            orders.place(renewal.get().order(), renewal.get().instance(), renewal.get().task(),
                    renewal.get().charge());
            written.set(renewal.get().instance());
            return Optional.of(Made.RENEWED);
        }
        written.set(end(instance, step.get(), now));
        return Optional.of(step.get() == SubscriptionStep.FREEZE ? Made.FROZEN : Made.DELETED);
    }

    /**
     * Freezes the instance (end of grace) or deletes it (end of retention) by a FREEZE or DELETE task, in one write
     * with the cancellation of the order it holds, if any: a frozen or deleted instance is not changed by an order.
     */
    private Instance end(Instance instance, SubscriptionStep step, Instant now) {
        boolean freeze = step == SubscriptionStep.FREEZE;
        Instance changed = (freeze ? instance.frozen(now) : instance.expired(now)).withTasks(1);
        Task ending = Task.done(TaskId.of(instance.taskCount() + 1, ids.nextTaskRandom()), instance.ref(),
                freeze ? TaskType.FREEZE : TaskType.DELETE, null, null, now);
        Optional<Order> held = instance.orderId() == null ? Optional.empty()
                : orders.find(instance.ref(), instance.orderId()).filter(order -> order.status().unfinished());
        if (held.isEmpty()) {
            tasks.record(changed, List.of(ending));
            return changed;
        }
        Order order = held.get();
        changed = changed.withoutRetryOf(order.orderId());
        List<Task> moved = new ArrayList<>();
        if (order.taskId() != null) {
            tasks.find(instance.ref(), order.taskId())
                    .ifPresent(task -> moved.add(task.after(Order.TaskOutcome.CANCELLED, now)));
        }
        moved.add(ending);
        orders.apply(new Order.Transition(order.withStatus(OrderStatus.CANCELLED, now), order.status(), changed,
                Order.TaskOutcome.CANCELLED), moved);
        return changed;
    }
}

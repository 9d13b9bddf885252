package cloud.iotda.order;

import cloud.iotda.api.ErrorCode;
import cloud.iotda.api.Json;
import cloud.iotda.api.Sha256;
import cloud.iotda.catalogue.FlavorCatalogue;
import cloud.iotda.catalogue.FlavorSpec;
import cloud.iotda.instance.ChargeMode;
import cloud.iotda.instance.Flavor;
import cloud.iotda.instance.Instance;
import cloud.iotda.instance.InstanceStatus;
import cloud.iotda.instance.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Places orders: finds the instance, answers a retry with its earlier order, checks the business rules, and commits
 * order and instance together. A lost race re-reads the instance and decides again, so no update is lost.
 */
public final class OrderService {
    /** How long an identical request is answered with the order it created instead of a new one. */
    public static final Duration RETRY_WINDOW = Duration.ofMinutes(10);
    private static final int MAX_ATTEMPTS = 64;

    private final OrderStore store;
    private final FlavorCatalogue catalogue;
    private final OrderIds orderIds;
    private final Clock clock;

    public OrderService(OrderStore store, FlavorCatalogue catalogue, OrderIds orderIds, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.orderIds = orderIds;
        this.clock = clock;
    }

    /** Returns the order id for this request: a new order, or the one an identical recent request created. */
    public String place(String projectId, String instanceId, ChangeRequest request) {
        String normalized = Json.write(request.normalized());
        String requestHash = Sha256.hex(request.type() + "\n" + normalized);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instance current = store.findInstance(projectId, instanceId)
                    .orElseThrow(() -> ErrorCode.INSTANCE_NOT_FOUND.exception(instanceId, projectId));
            Instant now = clock.instant();
            Instance.LastOrder last = current.lastOrder();
            if (last != null && last.requestHash().equals(requestHash) && !now.isAfter(last.time().plus(RETRY_WINDOW))) {
                return last.orderId();
            }
            requireChangeable(current);
            Plan plan = request instanceof ResizeRequest resize
                    ? planResize(current, resize, now)
                    : planChargeMode(current, (ChangeChargeModeRequest) request, now);
            String orderId = orderIds.next(now);
            Order order = new Order(orderId, projectId, instanceId, request.type(), plan.status(), normalized, requestHash,
                    now, now, plan.executeAfter());
            Instance changed = plan.apply(current, orderId, requestHash, now);
            try {
                store.commit(order, changed);
                return orderId;
            } catch (OrderStore.Conflict conflict) {
                backOff(attempt);
            }
        }
        throw ErrorCode.CONCURRENT_CHANGE.exception();
    }

    private static void requireChangeable(Instance instance) {
        if (instance.orderId() != null) {
            throw ErrorCode.ORDER_IN_PROGRESS.exception(instance.orderId());
        }
        if (instance.status() != InstanceStatus.ACTIVE) {
            throw ErrorCode.INSTANCE_NOT_ACTIVE.exception(instance.status());
        }
    }

    private Plan planResize(Instance current, ResizeRequest request, Instant now) {
        FlavorSpec target = catalogue.find(request.flavor().type()).orElseThrow();
        if (target.edition() != current.edition()) {
            throw ErrorCode.EDITION_MISMATCH.exception(current.edition().wireName(), target.edition().wireName());
        }
        if (request.flavor().equals(current.flavor())) {
            throw ErrorCode.FLAVOR_UNCHANGED.exception(current.flavor());
        }
        if (request.delay() && current.operateWindow() == null) {
            throw ErrorCode.NO_OPERATE_WINDOW.exception();
        }
        Instant executeAfter = request.delay() ? current.operateWindow().nextOpening(now) : null;
        boolean needsPayment = current.chargeMode() == ChargeMode.PRE_PAID && !request.autoPay();
        if (needsPayment) {
            return Plan.unfinished(current, OrderStatus.PENDING_PAYMENT, InstanceStatus.TRADING, executeAfter);
        }
        if (request.delay()) {
            return Plan.unfinished(current, OrderStatus.SCHEDULED, InstanceStatus.ACTIVE, executeAfter);
        }
        return Plan.completed(OrderEffect.of(current, request, now));
    }

    private Plan planChargeMode(Instance current, ChangeChargeModeRequest request, Instant now) {
        if (current.chargeMode() != ChargeMode.POST_PAID) {
            throw ErrorCode.ALREADY_PREPAID.exception(current.chargeMode().wireName());
        }
        boolean prepayable = catalogue.find(current.flavor().type()).map(FlavorSpec::prepaidSupported).orElse(false);
        if (!prepayable) {
            throw ErrorCode.FLAVOR_NOT_PREPAYABLE.exception(current.flavor().type());
        }
        if (!request.autoPay()) {
            return Plan.unfinished(current, OrderStatus.PENDING_PAYMENT, InstanceStatus.TRADING, null);
        }
        return Plan.completed(OrderEffect.of(current, request, now));
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 10) * 3L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErrorCode.CONCURRENT_CHANGE.exception();
        }
    }

    /** What an accepted request does: the order's status and run time, and the instance's state after it. */
    private record Plan(OrderStatus status, Instant executeAfter, Flavor flavor, ChargeMode chargeMode,
                        InstanceStatus instanceStatus, Subscription subscription) {

        static Plan unfinished(Instance current, OrderStatus status, InstanceStatus instanceStatus, Instant executeAfter) {
            return new Plan(status, executeAfter, current.flavor(), current.chargeMode(), instanceStatus,
                    current.subscription());
        }

        static Plan completed(OrderEffect effect) {
            return new Plan(OrderStatus.COMPLETED, null, effect.flavor(), effect.chargeMode(), InstanceStatus.ACTIVE,
                    effect.subscription());
        }

        Instance apply(Instance current, String orderId, String requestHash, Instant now) {
            String unfinishedOrderId = status.unfinished() ? orderId : null;
            return current.withChange(flavor, chargeMode, instanceStatus, subscription, unfinishedOrderId,
                    new Instance.LastOrder(orderId, requestHash, now), now);
        }
    }
}

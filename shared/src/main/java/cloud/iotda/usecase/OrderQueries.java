package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.SubscriptionPhase;
import cloud.iotda.domain.order.Order;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * ListOrders and ShowOrder: an instance's orders, once the instance is known to exist or to have existed, with its
 * yearly/monthly subscription as it stands (ShowInstance keeps to the SDK's fields, so this is where a tenant sees
 * expiry, auto-renewal and phase).
 */
public final class OrderQueries {
    /** A subscription and where it is now. */
    public record Standing(Subscription subscription, SubscriptionPhase phase) {
    }

    /** The orders asked for, and the instance's subscription if it has one. */
    public record Answer<T>(T value, Optional<Standing> subscription) {
    }

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final Instances instances;
    private final Orders orders;

    private final Clock clock;
    private final Lapse lapse;

    public OrderQueries(Instances instances, Orders orders, Clock clock, Lapse lapse) {
        this.instances = instances;
        this.orders = orders;
        this.clock = clock;
        this.lapse = lapse;
    }

    /** Newest first; {@code after} is the last order of the page before (null: the first page). */
    public Answer<Page<Order>> list(InstanceRef ref, int limit, OrderId after) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit);
        }
        Instance instance = Lookup.instanceOrDeleted(instances, ref);
        return new Answer<>(orders.list(ref, limit, after), standing(instance));
    }

    public Answer<Order> show(InstanceRef ref, OrderId orderId) {
        Instance instance = Lookup.instanceOrDeleted(instances, ref);
        Order order = orders.find(ref, orderId).orElseThrow(() -> Rejected.because(Reason.ORDER_NOT_FOUND, orderId));
        return new Answer<>(order, standing(instance));
    }

    private Optional<Standing> standing(Instance instance) {
        if (!instance.billing().subscribed()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // A deleted instance's subscription has ended, whatever the clock says.
        SubscriptionPhase phase = instance.isDeleted() ? SubscriptionPhase.ENDED
                : instance.subscription().phaseAt(now, lapse);
        return Optional.of(new Standing(instance.subscription(), phase));
    }
}

package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.order.Order;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Page;

/** ListOrders and ShowOrder: an instance's orders, once the instance is known to exist or to have existed. */
public final class OrderQueries {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final Instances instances;
    private final Orders orders;

    public OrderQueries(Instances instances, Orders orders) {
        this.instances = instances;
        this.orders = orders;
    }

    /** Newest first; {@code after} is the last order of the page before (null: the first page). */
    public Page<Order> list(InstanceRef ref, int limit, OrderId after) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit);
        }
        Lookup.instanceOrDeleted(instances, ref);
        return orders.list(ref, limit, after);
    }

    public Order show(InstanceRef ref, OrderId orderId) {
        Lookup.instanceOrDeleted(instances, ref);
        return orders.find(ref, orderId).orElseThrow(() -> Rejected.because(Reason.ORDER_NOT_FOUND, orderId));
    }
}

package cloud.iotda.order;

import cloud.iotda.instance.Instance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence for instances and their orders; the DynamoDB implementation lives in {@code cloud.iotda.dynamodb}. */
public interface OrderStore {

    Optional<Instance> findInstance(String projectId, String instanceId);

    /**
     * Writes the new order and the changed instance atomically: the order only if its id is new, the instance only
     * if it is still at {@code changed.version() - 1}.
     *
     * @throws Conflict if either condition fails; nothing is written then
     */
    void commit(Order order, Instance changed);

    List<Order> ordersOf(String projectId, String instanceId);

    Optional<Order> findOrder(String projectId, String instanceId, String orderId);

    /** An order by its id alone, whatever its instance. */
    Optional<Order> findOrderById(String orderId);

    /** One page of an instance's orders, newest first, after the order {@code afterOrderId} (null: from the newest). */
    Page<Order> listOrders(String projectId, String instanceId, int limit, String afterOrderId);

    /**
     * One page of orders in {@code status} whose {@link Order#dueAt()} is at or before {@code now}, earliest first;
     * {@code cursor} is the {@link Page#next()} of the page before (null: the first page).
     */
    Page<Order> dueOrders(OrderStatus status, Instant now, int limit, String cursor);

    /**
     * Writes an order's next state together with its instance's, atomically: the order only if it still has
     * {@code expectedStatus}, the instance (when given) only if it is still at {@code changed.version() - 1}.
     *
     * @throws Conflict if either condition fails; nothing is written then
     */
    void transition(Order order, OrderStatus expectedStatus, Instance changed);

    /**
     * Writes a changed instance if it is still at {@code changed.version() - 1}.
     *
     * @throws Conflict otherwise; nothing is written then
     */
    void saveInstance(Instance changed);

    /** Items and, if there may be more, where to continue (an order id, or an opaque cursor). */
    record Page<T>(List<T> items, String next) {
    }

    /** A condition of {@link #commit} failed: someone else changed the instance, or the order id was taken. */
    final class Conflict extends RuntimeException {
        private final boolean orderIdTaken;

        public Conflict(boolean orderIdTaken) {
            super(orderIdTaken ? "order id taken" : "instance changed concurrently", null, false, false);
            this.orderIdTaken = orderIdTaken;
        }

        public boolean orderIdTaken() {
            return orderIdTaken;
        }
    }
}

package cloud.iotda.order;

import cloud.iotda.instance.Instance;
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

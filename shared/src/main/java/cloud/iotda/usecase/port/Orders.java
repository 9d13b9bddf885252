package cloud.iotda.usecase.port;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.Plan;
import cloud.iotda.domain.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where orders live, written together with the instance they change. */
public interface Orders {

    Optional<Order> find(InstanceRef instance, OrderId orderId);

    /**
     * An order by its id alone, whatever its instance.
     *
     * @throws cloud.iotda.domain.Rejected ORDER_AMBIGUOUS if stored orders made before ids were unique across the
     *     store share the id: one is not picked at random
     */
    Optional<Order> findById(OrderId orderId);

    /** One page of an instance's orders, newest first, after the order {@code after} (null: from the newest). */
    Page<Order> list(InstanceRef instance, int limit, OrderId after);

    /**
     * Gives every stored order the keys of its project's order list that it lacks (rows written before the list
     * existed), changing nothing else; how many it gave them. A full read of the orders: for the operator, once.
     */
    int indexForProjectLists();

    /**
     * Every order of the project created in {@code [from, to]} (either end open when null), newest first: one query
     * of the project's orders, page by page, however many instances placed them.
     */
    List<Order> ofProject(String projectId, Instant from, Instant to);

    /**
     * One page of orders in {@code status} whose {@link Order#dueAt()} is at or before {@code now}, earliest first;
     * {@code cursor} is the {@link Page#next()} of the page before (null: the first page).
     */
    Page<Order> due(OrderStatus status, Instant now, int limit, String cursor);

    /**
     * Writes a new order, its changed instance and its task atomically: the order only if its id is new across the
     * store (no other instance's order has it), the instance only if it is still at {@code changed.version() - 1}
     * (version 0: only if it does not exist), and the charge (null: none) only if its account's balance still holds
     * its amount, which it takes.
     *
     * @throws Conflict if a condition fails; nothing is written then
     */
    void place(Order order, Instance changed, Task task, Charge charge);

    /**
     * As {@link #place(Order, Instance, Task, Charge)} for several orders of different instances, all written or
     * none, with one charge (null: none) for all of them; each placement's own charge is not written.
     *
     * @throws Conflict if a condition fails; nothing is written then
     */
    void place(List<Plan.Placement> placements, Charge charge);

    /** As {@link #place(Order, Instance, Task, Charge)}, paid from no balance. */
    default void place(Order order, Instance changed, Task task) {
        place(order, changed, task, null);
    }

    /**
     * Writes an order's next state, its instance's when the transition has one, and the tasks it moved or made,
     * atomically: the order only if it still has {@link Order.Transition#from()}, the instance only if it is still
     * one version below, the transition's charge only if its account's balance still holds its amount.
     *
     * @throws Conflict if either condition fails; nothing is written then
     */
    void apply(Order.Transition transition, List<Task> tasks);

    /**
     * As {@link #apply(Order.Transition, List)}, the order's task ended as {@code end} says without being read
     * first: only if the task exists and has not ended.
     *
     * @throws Conflict if any condition fails (the task too); nothing is written then
     */
    void apply(Order.Transition transition, Task.End end);
}

package cloud.iotda.usecase;

import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.task.Task;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Tasks;
import java.time.Instant;
import java.util.List;

/** What an order's step does to its task, written with the step: one rule for the lifecycle and the processor. */
final class TaskMoves {
    private TaskMoves() {
    }

    /** Writes a transition with what it does to the order's task (an order placed before tasks were kept has none). */
    static void apply(Orders orders, Tasks tasks, Order.Transition transition, Instant now) {
        Order order = transition.order();
        List<Task> moved = transition.taskOutcome() == Order.TaskOutcome.NONE || order.taskId() == null ? List.of()
                : tasks.find(order.instance(), order.taskId()).map(task -> List.of(task.after(transition.taskOutcome(),
                        now))).orElse(List.of());
        orders.apply(transition, moved);
    }
}

package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.ProfileChange;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskType;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * UpdateInstance: name, description, change window, and an enterprise instance's access settings and SNAT; a
 * scheduled order moves with a changed window.
 */
public final class UpdateInstance {
    private final Instances instances;
    private final Orders orders;
    private final Tasks tasks;
    private final IdSource ids;
    private final Clock clock;
    private final RetryPolicy retry;

    public UpdateInstance(Instances instances, Orders orders, Tasks tasks, IdSource ids, Clock clock,
                          RetryPolicy retry) {
        this.instances = instances;
        this.orders = orders;
        this.tasks = tasks;
        this.ids = ids;
        this.clock = clock;
        this.retry = retry;
    }

    /** The tasks a change makes: access and allow-list changes and SNAT are tasks; names and windows are not. */
    static List<TaskType> taskTypes(ProfileChange change) {
        List<TaskType> types = new ArrayList<>();
        change.access().ifPresent(access -> {
            if (access.domainName().isPresent() || access.whitelist().isEmpty()) {
                types.add(TaskType.UPDATE_ACCESS_CONFIG);
            }
            if (access.whitelist().isPresent()) {
                types.add(TaskType.UPDATE_ALLOW_LISTS);
            }
        });
        if (change.enableSnat()) {
            types.add(TaskType.OPEN_SNAT);
        }
        return types;
    }

    public Instance update(InstanceRef ref, ProfileChange change) {
        return retry.run(() -> {
            Instance current = Lookup.instance(instances, ref);
            if (change.touchesNetwork() && current.edition() != Edition.ENTERPRISE) {
                throw Rejected.because(Reason.UNSUPPORTED_BY_EDITION, current.edition().wireName());
            }
            Instant now = clock.instant();
            List<TaskType> types = taskTypes(change);
            Instance changed = current.withProfile(change, now).withTasks(types.size());
            List<Task> made = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                made.add(Task.done(TaskId.of(current.taskCount() + 1 + i, ids.nextTaskRandom()), ref, types.get(i),
                        null, null, now));
            }
            Optional<Order> scheduled = change.operateWindow().isEmpty() || current.orderId() == null
                    ? Optional.empty()
                    : orders.find(ref, current.orderId()).filter(order -> order.status() == OrderStatus.SCHEDULED);
            if (scheduled.isPresent()) {
                orders.apply(scheduled.get().followWindow(changed, now), made);
            } else {
                tasks.record(changed, made);
            }
            return changed;
        });
    }
}

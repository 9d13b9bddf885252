package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskType;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** DeleteInstance: a pay-per-use instance without an unfinished order leaves every answer but its orders'. */
public final class DeleteInstance {
    private final Instances instances;
    private final Tasks tasks;
    private final IdSource ids;
    private final Clock clock;
    private final RetryPolicy retry;

    public DeleteInstance(Instances instances, Tasks tasks, IdSource ids, Clock clock, RetryPolicy retry) {
        this.instances = instances;
        this.tasks = tasks;
        this.ids = ids;
        this.clock = clock;
        this.retry = retry;
    }

    public void delete(InstanceRef ref) {
        Instant now = clock.instant();
        AtomicReference<Instance> attempted = new AtomicReference<>();
        retry.run(() -> {
            // Our own delete, made though its answer was lost, is done; anyone else's is a 404 like any deleted one.
            if (attempted.get() != null && instances.find(ref).filter(attempted.get()::equals).isPresent()) {
                return null;
            }
            Instance current = Lookup.instance(instances, ref);
            Instance deleted = current.delete(now).withTasks(1);
            attempted.set(deleted);
            tasks.record(deleted, List.of(Task.done(TaskId.of(current.taskCount() + 1, ids.nextTaskRandom()), ref,
                    TaskType.DELETE, null, null, now)));
            return null;
        });
    }
}

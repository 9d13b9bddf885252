package cloud.iotda.usecase.port;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import java.util.List;
import java.util.Optional;

/** Where an instance's tasks live, each written together with the change of the instance that made it. */
public interface Tasks {

    Optional<Task> find(InstanceRef instance, TaskId taskId);

    /** The instance's newest tasks, newest first, at most {@code limit}. */
    List<Task> newest(InstanceRef instance, int limit);

    /**
     * Writes a changed instance and the tasks its change made, atomically: the instance only if it is still at
     * {@code changed.version() - 1} (a version 0 instance only if it does not exist yet).
     *
     * @throws Conflict if the condition fails; nothing is written then
     */
    void record(Instance changed, List<Task> tasks);
}

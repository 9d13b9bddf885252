package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ListInstanceTasks and ShowInstanceTask: an instance's tasks, newest first, as documented: only its newest
 * {@link Task#KEPT} of the last 180 days are kept. Another project's instance, and its tasks, are unknown here.
 */
public final class InstanceTasks {
    public static final int MAX_LIMIT = 500;
    public static final int MAX_OFFSET = 500;

    private final Instances instances;
    private final Tasks tasks;
    private final Clock clock;

    public InstanceTasks(Instances instances, Tasks tasks, Clock clock) {
        this.instances = instances;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** One page: how many are kept in all, and the marker (the task id of the page's last task; empty if none). */
    public record TaskPage(int count, Optional<String> marker, List<Task> tasks) {
    }

    public TaskPage list(InstanceRef ref, Optional<TaskId> marker, int offset, int limit) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("limit " + limit + ", offset " + offset);
        }
        List<Task> kept = kept(Lookup.instanceOrDeleted(instances, ref));
        int start = marker.map(m -> {
            for (int i = 0; i < kept.size(); i++) {
                if (kept.get(i).taskId().equals(m)) {
                    return i + 1;
                }
            }
            // A marker of a task no longer kept: the newer ones have been given already.
            return kept.size();
        }).orElse(0);
        List<Task> page = kept.subList(Math.min(kept.size(), start + offset),
                Math.min(kept.size(), start + offset + limit));
        return new TaskPage(kept.size(),
                page.isEmpty() ? Optional.empty() : Optional.of(page.get(page.size() - 1).taskId().value()), page);
    }

    public Task show(InstanceRef ref, TaskId taskId) {
        return show(Lookup.instanceOrDeleted(instances, ref), taskId);
    }

    /** The task of an instance already read (a retry goes on to change it). */
    Task show(Instance instance, TaskId taskId) {
        return tasks.find(instance.ref(), taskId).filter(task -> isKept(instance, task, clock.instant()))
                .orElseThrow(() -> Rejected.because(Reason.TASK_NOT_FOUND, taskId));
    }

    private List<Task> kept(Instance instance) {
        Instant now = clock.instant();
        return tasks.newest(instance.ref(), Task.KEPT).stream().filter(task -> isKept(instance, task, now)).toList();
    }

    /** Among the instance's newest {@link Task#KEPT}, and made within {@link Task#KEPT_FOR}. */
    private static boolean isKept(Instance instance, Task task, Instant now) {
        long place = task.taskId().sequence().orElse(0L);
        return place > instance.taskCount() - Task.KEPT && task.keptAt(now);
    }
}

package cloud.iotda.domain.task;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.order.Order;
import java.time.Duration;
import java.time.Instant;

/**
 * A change of an instance as the task API shows it: what it does, where it is, when it was made, started and ended,
 * and the order that placed it, if one did.
 */
public record Task(
        TaskId taskId,
        InstanceRef instance,
        TaskType type,
        TaskStatus status,
        String statusDetail,
        Instant createTime,
        Instant startTime,
        Instant endTime,
        TargetConfig targetConfig,
        OperateWindow operateWindow,
        OrderId orderId) {
    /** As documented: the newest 20 tasks of an instance are kept, for 180 days. */
    public static final int KEPT = 20;
    public static final Duration KEPT_FOR = Duration.ofDays(180);

    /** A change made at once, inside the request: it started and ended at {@code now}. */
    public static Task done(TaskId id, InstanceRef instance, TaskType type, TargetConfig target, OrderId orderId,
                            Instant now) {
        return new Task(id, instance, type, TaskStatus.SUCCESS, null, now, now, now, target, null, orderId);
    }

    /** A change that waits: for its order's payment, or for {@code window} to open (null: no window). */
    public static Task pending(TaskId id, InstanceRef instance, TaskType type, TargetConfig target, OrderId orderId,
                               OperateWindow window, Instant now) {
        return new Task(id, instance, type, TaskStatus.PENDING, null, now, null, null, target, window, orderId);
    }

    public Task succeeded(Instant now) {
        return new Task(taskId, instance, type, TaskStatus.SUCCESS, null, createTime,
                startTime == null ? now : startTime, now, targetConfig, operateWindow, orderId);
    }

    public Task failed(String detail, Instant now) {
        return new Task(taskId, instance, type, TaskStatus.FAILED, detail, createTime,
                startTime == null ? now : startTime, now, targetConfig, operateWindow, orderId);
    }

    /** Waiting again after a retry, for {@code window} (null: none): a fresh start, its failure forgotten. */
    public Task retried(OperateWindow window) {
        return new Task(taskId, instance, type, TaskStatus.PENDING, null, createTime, null, null, targetConfig,
                window, orderId);
    }

    /** The task once its order has moved on as {@code outcome} says (itself when the order's move leaves it be). */
    public Task after(Order.TaskOutcome outcome, Instant now) {
        return switch (outcome) {
            case NONE -> this;
            case SUCCEEDED -> succeeded(now);
            case FAILED -> failed(targetConfig != null && targetConfig.flavor() != null
                    ? "the flavor " + targetConfig.flavor().type() + " is sold out" : "the change could not be made",
                    now);
            // A task that failed already stays as it ended; one still waiting ends with its order.
            case CANCELLED -> status.ended() ? this : failed("the order " + orderId + " was cancelled", now);
            case RETRIED -> retried(operateWindow);
        };
    }

    /** 0 while it waits, 50 while it runs, 100 once it succeeded; a failed one changed nothing: 0. */
    public int progress() {
        return switch (status) {
            case PENDING, FAILED -> 0;
            case RUNNING -> 50;
            case SUCCESS -> 100;
        };
    }

    /** Whether the task API still shows it at {@code now}: 180 days after it was made, it is gone. */
    public boolean keptAt(Instant now) {
        return !createTime.plus(KEPT_FOR).isBefore(now);
    }
}

package cloud.iotda.domain.task;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
            case FAILED -> failed(failureDetail(targetConfig), now);
            // A task that failed already stays as it ended; one still waiting ends with its order.
            case CANCELLED -> status.ended() ? this : failed(cancelledDetail(orderId), now);
            case RETRIED -> retried(operateWindow);
        };
    }

    /** Why a task whose change could not be made failed: its flavor sold out, when it has one. */
    public static String failureDetail(TargetConfig target) {
        return target != null && target.flavor() != null
                ? "the flavor " + target.flavor().type() + " is sold out" : "the change could not be made";
    }

    private static String cancelledDetail(OrderId orderId) {
        return "the order " + orderId + " was cancelled";
    }

    /**
     * How a waiting task ends, written without reading it first: {@code status} and {@code detail} at {@code at},
     * started then unless it started before. For a task that has not ended only, as {@link #after} would end it.
     */
    public record End(TaskId taskId, TaskStatus status, String detail, Instant at) {
        /**
         * The end {@link #after} gives a waiting task of {@code order} for {@code outcome}; empty for none. Only a
         * resize's task has a flavor to name in its failure (the target {@code Plan} gives it).
         */
        public static Optional<End> of(Order order, Order.TaskOutcome outcome, Instant at) {
            if (order.taskId() == null) {
                return Optional.empty();
            }
            TargetConfig target = order.change() instanceof Change.Resize resize
                    ? new TargetConfig(resize.flavor(), null) : null;
            return switch (outcome) {
                case SUCCEEDED -> Optional.of(new End(order.taskId(), TaskStatus.SUCCESS, null, at));
                case FAILED -> Optional.of(new End(order.taskId(), TaskStatus.FAILED, failureDetail(target), at));
                case CANCELLED -> Optional.of(new End(order.taskId(), TaskStatus.FAILED,
                        cancelledDetail(order.orderId()), at));
                case NONE, RETRIED -> Optional.empty();
            };
        }

        /** {@code task} ended so: what {@link #after} makes of a task that has not ended. */
        public Task applyTo(Task task) {
            Instant started = task.startTime() == null ? at : task.startTime();
            return new Task(task.taskId(), task.instance(), task.type(), status, detail, task.createTime(), started,
                    at, task.targetConfig(), task.operateWindow(), task.orderId());
        }
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

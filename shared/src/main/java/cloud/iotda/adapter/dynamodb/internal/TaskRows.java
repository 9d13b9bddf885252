package cloud.iotda.adapter.dynamodb.internal;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.task.TargetConfig;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskStatus;
import cloud.iotda.domain.task.TaskType;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A task's row, in its instance's partition, sorted by its place in the instance's history so that a reverse Query
 * gives the newest first; DynamoDB's time to live removes it {@link Task#KEPT_FOR} after it was made.
 */
public final class TaskRows {
    public static final String PREFIX = "TASK#";
    public static final String STATUS = "status";
    public static final String STATUS_DETAIL = "statusDetail";
    public static final String START_TIME = "startTime";
    public static final String END_TIME = "endTime";

    private TaskRows() {
    }

    public static final RowSchema<Task> SCHEMA = RowSchema.of(Task.class, TaskRows::toItem, TaskRows::fromItem);

    public static Key key(InstanceRef instance, long sequence) {
        return Keys.key(Keys.instancePk(instance), PREFIX + String.format("%08x", sequence));
    }

    public static Map<String, AttributeValue> toItem(Task task) {
        Key key = key(task.instance(), task.taskId().sequence().orElseThrow());
        Row row = Row.of(key.partitionKeyValue().s(), key.sortKeyValue().orElseThrow().s(), "TASK")
                .put("taskId", task.taskId().value())
                .put("projectId", task.instance().projectId())
                .put("instanceId", task.instance().instanceId())
                .put("type", task.type().name())
                .put(STATUS, task.status().name())
                .put(STATUS_DETAIL, task.statusDetail())
                .put("createTime", task.createTime())
                .put(START_TIME, task.startTime())
                .put(END_TIME, task.endTime())
                .put("orderId", task.orderId() == null ? null : task.orderId().value())
                .put("ttl", task.createTime().plus(Task.KEPT_FOR).getEpochSecond());
        TargetConfig target = task.targetConfig();
        if (target != null && target.flavor() != null) {
            row.put("targetFlavorType", target.flavor().type()).put("targetFlavorSize", target.flavor().size());
        }
        if (target != null && target.chargeMode() != null) {
            row.put("targetChargeMode", target.chargeMode().wireName());
        }
        if (task.operateWindow() != null) {
            row.put("windowStart", OperateWindow.format(task.operateWindow().start()))
                    .put("windowEnd", OperateWindow.format(task.operateWindow().end()));
        }
        return row.item();
    }

    public static Task fromItem(Map<String, AttributeValue> item) {
        Row row = Row.read(item);
        Flavor flavor = row.has("targetFlavorType")
                ? new Flavor(row.text("targetFlavorType"), row.integer("targetFlavorSize")) : null;
        ChargeMode mode = row.has("targetChargeMode") ? ChargeMode.fromWireName(row.text("targetChargeMode")) : null;
        OperateWindow window = row.has("windowStart") ? new OperateWindow(
                OperateWindow.parseTime(row.text("windowStart")), OperateWindow.parseTime(row.text("windowEnd")))
                : null;
        return new Task(new TaskId(row.text("taskId")), new InstanceRef(row.text("projectId"),
                row.text("instanceId")), TaskType.valueOf(row.text("type")), TaskStatus.valueOf(row.text(STATUS)),
                row.text(STATUS_DETAIL), row.instant("createTime"), row.instant(START_TIME), row.instant(END_TIME),
                flavor == null && mode == null ? null : new TargetConfig(flavor, mode), window,
                row.has("orderId") ? new OrderId(row.text("orderId")) : null);
    }
}

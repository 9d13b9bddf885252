package cloud.iotda.instance;

import cloud.iotda.api.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** An instance as ShowInstance answers it, with the field names and time format of the official API. */
public final class InstanceView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private InstanceView() {
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    public static ObjectNode of(Instance instance) {
        ObjectNode node = Json.object()
                .put("instance_id", instance.instanceId())
                .put("name", instance.name())
                .put("description", instance.description())
                .put("instance_type", instance.edition().wireName())
                .put("charge_mode", instance.chargeMode().wireName());
        ObjectNode flavor = node.putObject("flavor").put("type", instance.flavor().type());
        if (instance.flavor().size() != null) {
            flavor.put("size", instance.flavor().size());
        }
        node.put("status", instance.status().name());
        if (instance.orderId() != null) {
            node.put("order_id", instance.orderId());
        }
        if (instance.operateWindow() != null) {
            node.putObject("operate_window")
                    .put("start_time", OperateWindow.format(instance.operateWindow().start()))
                    .put("end_time", OperateWindow.format(instance.operateWindow().end()));
        }
        node.put("create_time", time(instance.createTime()));
        node.put("update_time", time(instance.updateTime()));
        return node;
    }
}

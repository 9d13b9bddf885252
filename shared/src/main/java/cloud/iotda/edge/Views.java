package cloud.iotda.edge;

import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Domain values as the API answers them, with the field names of the official API. */
public final class Views {
    private Views() {
    }

    public static ObjectNode instance(Instance instance) {
        ObjectNode node = Json.object()
                .put("instance_id", instance.ref().instanceId())
                .put("name", instance.name())
                .put("description", instance.description())
                .put("instance_type", instance.edition().wireName())
                .put("charge_mode", instance.chargeMode().wireName());
        node.set("flavor", flavor(instance.flavor()));
        node.put("status", instance.status().name());
        if (instance.orderId() != null) {
            node.put("order_id", instance.orderId().value());
        }
        if (instance.operateWindow() != null) {
            node.putObject("operate_window")
                    .put("start_time", OperateWindow.format(instance.operateWindow().start()))
                    .put("end_time", OperateWindow.format(instance.operateWindow().end()));
        }
        node.put("create_time", ApiTime.format(instance.createTime()));
        node.put("update_time", ApiTime.format(instance.updateTime()));
        return node;
    }

    public static ObjectNode order(Order order) {
        ObjectNode node = Json.object()
                .put("order_id", order.orderId().value())
                .put("type", order.type().name())
                .put("status", order.status().name());
        node.set("request", change(order.change()));
        node.put("create_time", ApiTime.format(order.createTime()));
        node.put("update_time", ApiTime.format(order.updateTime()));
        node.put("execute_after", ApiTime.format(order.executeAfter()));
        return node;
    }

    /** The request an order records, normalized: every default filled in, fields in a fixed order. */
    public static ObjectNode change(Change change) {
        ObjectNode node = Json.object();
        if (change instanceof Change.Resize resize) {
            node.set("flavor", flavor(resize.flavor()));
            return node.put("delay", resize.delay()).put("is_auto_pay", resize.autoPay());
        }
        Change.ChargeModeChange chargeMode = (Change.ChargeModeChange) change;
        return node.put("period_type", chargeMode.periodType().wireName())
                .put("period_num", chargeMode.periodNum())
                .put("is_auto_renew", chargeMode.autoRenew())
                .put("is_auto_pay", chargeMode.autoPay());
    }

    private static ObjectNode flavor(Flavor flavor) {
        ObjectNode node = Json.object().put("type", flavor.type());
        if (flavor.size() != null) {
            node.put("size", flavor.size());
        }
        return node;
    }
}

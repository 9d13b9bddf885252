package cloud.iotda.order;

import cloud.iotda.api.Json;
import cloud.iotda.instance.InstanceView;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** An order as the order queries answer it. */
public final class OrderView {
    private OrderView() {
    }

    public static ObjectNode of(Order order) {
        ObjectNode node = Json.object()
                .put("order_id", order.orderId())
                .put("type", order.type().name())
                .put("status", order.status().name());
        try {
            node.set("request", Json.mapper().readTree(order.request()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node.put("create_time", InstanceView.time(order.createTime()));
        node.put("update_time", InstanceView.time(order.updateTime()));
        node.put("execute_after", order.executeAfter() == null ? null : InstanceView.time(order.executeAfter()));
        return node;
    }
}

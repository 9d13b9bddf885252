package cloud.iotda.order;

import java.time.Instant;

/** An order record: what was asked ({@code request}, normalized JSON), what became of it, and when it may run. */
public record Order(
        String orderId,
        String projectId,
        String instanceId,
        OrderType type,
        OrderStatus status,
        String request,
        String requestHash,
        Instant createTime,
        Instant updateTime,
        Instant executeAfter) {
}

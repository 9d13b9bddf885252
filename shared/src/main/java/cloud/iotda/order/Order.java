package cloud.iotda.order;

import java.time.Duration;
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
    /** An unpaid order is cancelled this long after it was placed. */
    public static final Duration PAYMENT_DEADLINE = Duration.ofDays(15);

    /** When the order processor has work with this order: run it, or cancel it unpaid; null once it is over. */
    public Instant dueAt() {
        return switch (status) {
            case SCHEDULED -> executeAfter;
            case PENDING_PAYMENT -> createTime.plus(PAYMENT_DEADLINE);
            default -> null;
        };
    }

    public Order withStatus(OrderStatus newStatus, Instant now) {
        return new Order(orderId, projectId, instanceId, type, newStatus, request, requestHash, createTime, now, executeAfter);
    }

    public Order withExecuteAfter(Instant newExecuteAfter, Instant now) {
        return new Order(orderId, projectId, instanceId, type, status, request, requestHash, createTime, now, newExecuteAfter);
    }
}

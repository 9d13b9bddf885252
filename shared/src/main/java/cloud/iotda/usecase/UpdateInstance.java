package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.ProfileChange;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * UpdateInstance: name, description, change window, and an enterprise instance's access settings and SNAT; a
 * scheduled order moves with a changed window.
 */
public final class UpdateInstance {
    private final Instances instances;
    private final Orders orders;
    private final Clock clock;
    private final RetryPolicy retry;

    public UpdateInstance(Instances instances, Orders orders, Clock clock, RetryPolicy retry) {
        this.instances = instances;
        this.orders = orders;
        this.clock = clock;
        this.retry = retry;
    }

    public Instance update(InstanceRef ref, ProfileChange change) {
        return retry.run(() -> {
            Instance current = Lookup.instance(instances, ref);
            if (change.touchesNetwork() && current.edition() != Edition.ENTERPRISE) {
                throw Rejected.because(Reason.UNSUPPORTED_BY_EDITION, current.edition().wireName());
            }
            Instant now = clock.instant();
            Instance changed = current.withProfile(change, now);
            Optional<Order> scheduled = change.operateWindow().isEmpty() || current.orderId() == null
                    ? Optional.empty()
                    : orders.find(ref, current.orderId()).filter(order -> order.status() == OrderStatus.SCHEDULED);
            if (scheduled.isPresent()) {
                orders.apply(scheduled.get().followWindow(changed, now));
            } else {
                instances.update(changed);
            }
            return changed;
        });
    }
}

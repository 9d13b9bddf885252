package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Plan;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Resize and change-charge-mode: answers a retry with its earlier order, lets the business rules decide, and
 * writes order and instance together. A lost race reads again and decides again, so no update is lost.
 */
public final class PlaceOrder {
    private final Instances instances;
    private final Orders orders;
    private final InstanceFlavors flavors;
    private final IdSource orderIds;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Payers payers;

    public PlaceOrder(Instances instances, Orders orders, InstanceFlavors flavors, IdSource orderIds,
                      Clock clock, RetryPolicy retry, Payers payers) {
        this.instances = instances;
        this.orders = orders;
        this.flavors = flavors;
        this.orderIds = orderIds;
        this.clock = clock;
        this.retry = retry;
        this.payers = payers;
    }

    /** The order for this change: a new one, or the one an identical recent request created. */
    public OrderId place(InstanceRef ref, Change change) {
        // Only a new flavor can be sold out: a change of billing keeps the one the instance has.
        FlavorCatalogue catalogue = change instanceof Change.Resize ? flavors.current() : flavors.published();
        return retry.run(() -> {
            Instance current = Lookup.instance(instances, ref);
            Instant now = clock.instant();
            Optional<OrderId> earlier = current.orders().orderOfRetry(change.fingerprint(), now);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            // Read again at each attempt: a balance another order took from meanwhile decides anew.
            Plan plan = Plan.of(current, change, catalogue, payers.of(ref.projectId(), change.autoPay()), now);
            Plan.Placement placed = plan.placement(current, orderIds.nextOrderId(now),
                    Plan.taskId(current, orderIds.nextTaskRandom()), now);
            orders.place(placed.order(), placed.instance(), placed.task(), placed.charge());
            return placed.order().orderId();
        });
    }
}

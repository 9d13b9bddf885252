package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.order.Creation;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import java.time.Clock;
import java.time.Instant;

/**
 * CreateInstance (and the operator CLI's {@code instances create}): a new instance, and for a yearly/monthly one the
 * order that buys it, written together.
 */
public final class CreateInstance {
    private final Instances instances;
    private final Orders orders;
    private final FlavorCatalogue catalogue;
    private final IdSource ids;
    private final Clock clock;
    private final String regionId;

    public CreateInstance(Instances instances, Orders orders, FlavorCatalogue catalogue, IdSource ids, Clock clock,
                          String regionId) {
        this.instances = instances;
        this.orders = orders;
        this.catalogue = catalogue;
        this.ids = ids;
        this.clock = clock;
        this.regionId = regionId;
    }

    /**
     * Creates the instance; with an id chosen by the caller, {@link cloud.iotda.usecase.port.Conflict} if one with
     * that id exists (or existed).
     */
    public Creation create(Creation.Request request) {
        InstanceRef ref = new InstanceRef(request.projectId(), request.instanceId().orElseGet(ids::nextInstanceId));
        Instant now = clock.instant();
        Creation creation = Creation.of(request, ref, regionId, catalogue, () -> ids.nextOrderId(now), now);
        if (creation.order().isPresent()) {
            orders.place(creation.order().get(), creation.instance());
        } else {
            instances.create(creation.instance());
        }
        return creation;
    }
}

package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.order.Creation;
import cloud.iotda.usecase.port.Conflict;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * CreateInstance (and the operator CLI's {@code instances create}): a new instance, and for a yearly/monthly one the
 * order that buys it, written together.
 */
public final class CreateInstance {
    private final Instances instances;
    private final Orders orders;
    private final Tasks tasks;
    private final InstanceFlavors flavors;
    private final IdSource ids;
    private final Clock clock;
    private final String regionId;
    private final RetryPolicy retry;
    private final Payers payers;

    public CreateInstance(Instances instances, Orders orders, Tasks tasks, InstanceFlavors flavors, IdSource ids,
                          Clock clock, String regionId, RetryPolicy retry, Payers payers) {
        this.instances = instances;
        this.orders = orders;
        this.tasks = tasks;
        this.flavors = flavors;
        this.ids = ids;
        this.clock = clock;
        this.regionId = regionId;
        this.retry = retry;
        this.payers = payers;
    }

    /**
     * Creates the instance; with an id chosen by the caller, {@link cloud.iotda.usecase.port.Conflict} if one with
     * that id exists (or existed).
     */
    public Creation create(Creation.Request request) {
        InstanceRef ref = new InstanceRef(request.projectId(), request.instanceId().orElseGet(ids::nextInstanceId));
        Instant now = clock.instant();
        FlavorCatalogue catalogue = flavors.current();
        Supplier<Creation> decide = () -> Creation.of(request, ref, regionId, catalogue,
                payers.of(request.projectId(), request.charge().autoPay()), () -> ids.nextOrderId(now),
                ids.nextTaskRandom(), now);
        AtomicReference<Creation> attempt = new AtomicReference<>(decide.get());
        AtomicBoolean written = new AtomicBoolean();
        try {
            return retry.run(() -> {
                if (written.get()) {
                    // A write was attempted: if it was made (its answer lost, or a collision after it), it is done.
                    Optional<Instance> stored = instances.find(ref);
                    if (stored.filter(attempt.get().instance()::equals).isPresent()) {
                        return attempt.get();
                    }
                    if (stored.isPresent()) {
                        throw new IdTaken();
                    }
                    // Not made: the order's id may be another order's; the next attempt buys under a new one.
                    attempt.set(decide.get());
                }
                written.set(true);
                Creation creation = attempt.get();
                if (creation.order().isPresent()) {
                    orders.place(creation.order().get(), creation.instance(), creation.task(), creation.charge());
                } else {
                    tasks.record(creation.instance(), List.of(creation.task()));
                }
                return creation;
            });
        } catch (IdTaken taken) {
            throw new Conflict("instance " + ref + " exists");
        }
    }

    /** The id is someone else's instance: not a race to retry. */
    private static final class IdTaken extends RuntimeException {
        IdTaken() {
            super(null, null, false, false);
        }
    }
}

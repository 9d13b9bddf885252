package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.usecase.port.Instances;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** DeleteInstance: a pay-per-use instance without an unfinished order leaves every answer but its orders'. */
public final class DeleteInstance {
    private final Instances instances;
    private final Clock clock;
    private final RetryPolicy retry;

    public DeleteInstance(Instances instances, Clock clock, RetryPolicy retry) {
        this.instances = instances;
        this.clock = clock;
        this.retry = retry;
    }

    public void delete(InstanceRef ref) {
        Instant now = clock.instant();
        AtomicReference<Instance> attempted = new AtomicReference<>();
        retry.run(() -> {
            // Our own delete, made though its answer was lost, is done; anyone else's is a 404 like any deleted one.
            if (attempted.get() != null && instances.find(ref).filter(attempted.get()::equals).isPresent()) {
                return null;
            }
            Instance deleted = Lookup.instance(instances, ref).delete(now);
            attempted.set(deleted);
            instances.update(deleted);
            return null;
        });
    }
}

package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.usecase.port.Instances;
import java.time.Clock;

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
        retry.run(() -> {
            Instance current = Lookup.instance(instances, ref);
            instances.update(current.delete(clock.instant()));
            return null;
        });
    }
}

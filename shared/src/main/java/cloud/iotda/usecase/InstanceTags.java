package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.usecase.port.Instances;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/** BindInstanceTags and UnbindInstanceTags. */
public final class InstanceTags {
    private final Instances instances;
    private final Clock clock;
    private final RetryPolicy retry;

    public InstanceTags(Instances instances, Clock clock, RetryPolicy retry) {
        this.instances = instances;
        this.clock = clock;
        this.retry = retry;
    }

    /** Binds the tags; a key already bound takes the new value. */
    public Instance bind(InstanceRef ref, List<Tag> tags) {
        return change(ref, current -> current.bind(tags));
    }

    /** Unbinds the tags' keys; a key that is not bound is no error. */
    public Instance unbind(InstanceRef ref, List<Tag> tags) {
        return change(ref, current -> current.unbind(tags));
    }

    private Instance change(InstanceRef ref, UnaryOperator<Tags> change) {
        return retry.run(() -> {
            Instance current = Lookup.instance(instances, ref);
            Instance changed = current.withTags(change.apply(current.profile().tags()), clock.instant());
            instances.update(changed);
            return changed;
        });
    }
}

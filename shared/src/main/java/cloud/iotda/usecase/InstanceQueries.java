package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.usecase.port.Instances;

/** ShowInstance. */
public final class InstanceQueries {
    private final Instances instances;

    public InstanceQueries(Instances instances) {
        this.instances = instances;
    }

    public Instance show(InstanceRef ref) {
        return Lookup.instance(instances, ref);
    }
}

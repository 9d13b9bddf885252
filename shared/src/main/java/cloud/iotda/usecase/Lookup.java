package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.usecase.port.Instances;

/** The instance a request names, or INSTANCE_NOT_FOUND: the same answer for every operation. */
final class Lookup {
    private Lookup() {
    }

    static Instance instance(Instances instances, InstanceRef ref) {
        return instances.find(ref).orElseThrow(
                () -> Rejected.because(Reason.INSTANCE_NOT_FOUND, ref.instanceId(), ref.projectId()));
    }
}

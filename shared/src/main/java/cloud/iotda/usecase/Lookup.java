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

    /** A live instance: a deleted one is not found. */
    static Instance instance(Instances instances, InstanceRef ref) {
        return instances.find(ref).filter(instance -> !instance.isDeleted()).orElseThrow(() -> notFound(ref));
    }

    /** An instance that exists or existed: a deleted one's orders stay queryable. */
    static Instance instanceOrDeleted(Instances instances, InstanceRef ref) {
        return instances.find(ref).orElseThrow(() -> notFound(ref));
    }

    private static Rejected notFound(InstanceRef ref) {
        return Rejected.because(Reason.INSTANCE_NOT_FOUND, ref.instanceId(), ref.projectId());
    }
}

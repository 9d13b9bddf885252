package cloud.iotda.instance;

import cloud.iotda.catalogue.Edition;
import java.time.Instant;

/**
 * An IoTDA instance as stored. {@code orderId} is the unfinished order, if any; {@code lastOrder} remembers the
 * request that created the latest order so that a retry gets the same answer. {@code version} guards every write.
 */
public record Instance(
        String projectId,
        String instanceId,
        String name,
        Edition edition,
        Flavor flavor,
        ChargeMode chargeMode,
        InstanceStatus status,
        Subscription subscription,
        OperateWindow operateWindow,
        String orderId,
        LastOrder lastOrder,
        Instant createTime,
        Instant updateTime,
        long version) {

    /** The latest order this instance took, with the fingerprint of the request that placed it. */
    public record LastOrder(String orderId, String requestHash, Instant time) {
    }

    public Instance withChange(Flavor newFlavor, ChargeMode newMode, InstanceStatus newStatus, Subscription newSubscription,
                               String unfinishedOrderId, LastOrder newLastOrder, Instant now) {
        return new Instance(projectId, instanceId, name, edition, newFlavor, newMode, newStatus, newSubscription,
                operateWindow, unfinishedOrderId, newLastOrder, createTime, now, version + 1);
    }
}

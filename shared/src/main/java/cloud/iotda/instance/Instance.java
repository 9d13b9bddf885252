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
        String description,
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
        return new Instance(projectId, instanceId, name, description, edition, newFlavor, newMode, newStatus,
                newSubscription, operateWindow, unfinishedOrderId, newLastOrder, createTime, now, version + 1);
    }

    /** The instance once its unfinished order is over (completed or cancelled): ACTIVE, no order. */
    public Instance released(Flavor newFlavor, ChargeMode newMode, Subscription newSubscription, Instant now) {
        return withChange(newFlavor, newMode, InstanceStatus.ACTIVE, newSubscription, null, lastOrder, now);
    }

    public Instance withStatus(InstanceStatus newStatus, Instant now) {
        return withChange(flavor, chargeMode, newStatus, subscription, orderId, lastOrder, now);
    }

    public Instance withProfile(String newName, String newDescription, OperateWindow newWindow, Instant now) {
        return new Instance(projectId, instanceId, newName, newDescription, edition, flavor, chargeMode, status,
                subscription, newWindow, orderId, lastOrder, createTime, now, version + 1);
    }
}

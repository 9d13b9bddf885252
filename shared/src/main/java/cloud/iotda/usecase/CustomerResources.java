package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.usecase.port.Credentials;
import cloud.iotda.usecase.port.Instances;

/**
 * An account's yearly/monthly resources as the billing center handles them: an IoTDA instance's resource id is its
 * {@code instance_id}, found in the account's projects; another account's instance is not found.
 */
public final class CustomerResources {
    private final Instances instances;
    private final Credentials credentials;
    private final Subscriptions subscriptions;

    public CustomerResources(Instances instances, Credentials credentials, Subscriptions subscriptions) {
        this.instances = instances;
        this.credentials = credentials;
        this.subscriptions = subscriptions;
    }

    /**
     * Auto-renewal on or off (AutoRenewalResources, CancelAutoRenewalResources): only for a paid yearly/monthly
     * subscription, as the billing center allows it.
     */
    public Instance autoRenew(String domainId, String resourceId, boolean on) {
        return subscriptions.autoRenew(resource(domainId, resourceId), on);
    }

    /** The instance of the account's projects that has {@code resourceId}. */
    private InstanceRef resource(String domainId, String resourceId) {
        if (!InstanceRef.isValidInstanceId(resourceId)) {
            throw Rejected.invalid("resource_id must be an instance_id: 1..36 characters of a-f, 0-9 and -");
        }
        for (Project project : credentials.projectsOf(domainId)) {
            InstanceRef ref = new InstanceRef(project.projectId(), resourceId);
            if (instances.find(ref).filter(instance -> !instance.isDeleted()).isPresent()) {
                return ref;
            }
        }
        throw Rejected.because(Reason.RESOURCE_NOT_FOUND, resourceId);
    }
}

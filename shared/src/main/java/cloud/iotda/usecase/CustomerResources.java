package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.order.Order;
import cloud.iotda.usecase.port.Credentials;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An account's yearly/monthly resources as the billing center handles them: an IoTDA instance's resource id is its
 * {@code instance_id}, found in the account's projects; another account's instance is not found.
 */
public final class CustomerResources {
    /** The billing center renews or unsubscribes at most this many resources in one request. */
    public static final int MAX_RESOURCES = 10;
    /** How many of a project's instances one read of its listing takes. */
    private static final int PAGE = 100;

    private final Instances instances;
    private final Credentials credentials;
    private final Subscriptions subscriptions;
    private final Orders orders;

    public CustomerResources(Instances instances, Credentials credentials, Subscriptions subscriptions,
                             Orders orders) {
        this.instances = instances;
        this.credentials = credentials;
        this.subscriptions = subscriptions;
        this.orders = orders;
    }

    /**
     * Auto-renewal on or off (AutoRenewalResources, CancelAutoRenewalResources): only for a paid yearly/monthly
     * subscription, as the billing center allows it.
     */
    public Instance autoRenew(String domainId, String resourceId, boolean on) {
        return subscriptions.autoRenew(resource(domainId, resourceId), on);
    }

    /**
     * RenewalResources: each resource renewed by its own order, all written as one (see
     * {@link Subscriptions#renewForCustomer}); the orders in the order of {@code resourceIds}.
     */
    public List<Order> renew(String domainId, List<String> resourceIds, PeriodType type, int periods,
                             boolean autoPay) {
        return subscriptions.renewForCustomer(resources(domainId, resourceIds), type, periods, autoPay);
    }

    /**
     * CancelResourcesSubscription: each resource unsubscribed by its own order, all written as one (see
     * {@link Subscriptions#unsubscribe}); the orders in the order of {@code resourceIds}.
     */
    public List<Order> unsubscribe(String domainId, List<String> resourceIds, boolean renewalsOnly) {
        return subscriptions.unsubscribe(resources(domainId, resourceIds), renewalsOnly);
    }

    /**
     * ListPayPerUseCustomerResources: the account's yearly/monthly resources (instances with a paid subscription,
     * not deleted), of every project of the account, soonest expiry first; only those named when
     * {@code resourceIds} is given, only the instance of {@code orderId} when given (none when the account has no
     * such order). A project's instances are read page by page from its listing index, not by a scan.
     */
    public List<Instance> list(Optional<Set<String>> resourceIds, Optional<OrderId> orderId, String domainId) {
        Optional<InstanceRef> ofOrder = orderId.map(id -> orders.findById(id)
                .filter(order -> credentials.findProject(order.instance().projectId())
                        .filter(project -> project.domainId().equals(domainId)).isPresent())
                .map(Order::instance).orElse(null));
        if (orderId.isPresent() && ofOrder.isEmpty()) {
            return List.of();
        }
        List<Instance> found = new ArrayList<>();
        for (Project project : credentials.projectsOf(domainId)) {
            Optional<String> before = Optional.empty();
            do {
                Page<Instance> page = instances.listed(project.projectId(), before, PAGE);
                page.items().stream()
                        .filter(instance -> instance.billing().subscribed() && !instance.isDeleted())
                        .filter(instance -> resourceIds.map(ids -> ids.contains(instance.ref().instanceId()))
                                .orElse(true))
                        .filter(instance -> ofOrder.map(instance.ref()::equals).orElse(true))
                        .forEach(found::add);
                before = Optional.ofNullable(page.next());
            } while (before.isPresent());
        }
        found.sort(Comparator.comparing((Instance instance) -> instance.subscription().expireTime())
                .thenComparing(instance -> instance.ref().instanceId()));
        return found;
    }

    /** The named resources of the account: 1..10, none twice. */
    private List<InstanceRef> resources(String domainId, List<String> resourceIds) {
        if (resourceIds.isEmpty() || resourceIds.size() > MAX_RESOURCES) {
            throw Rejected.invalid("resource_ids must name 1.." + MAX_RESOURCES + " resources");
        }
        if (new HashSet<>(resourceIds).size() != resourceIds.size()) {
            throw Rejected.invalid("resource_ids must not name a resource twice");
        }
        List<InstanceRef> refs = new ArrayList<>();
        for (String resourceId : resourceIds) {
            refs.add(resource(domainId, resourceId));
        }
        return refs;
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

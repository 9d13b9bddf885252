package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#CANCEL_RESOURCES_SUBSCRIPTION}. */
public final class CancelResourcesSubscriptionHandler extends ApiHandler {
    public CancelResourcesSubscriptionHandler() {
        this(Service.fromEnvironment());
    }

    public CancelResourcesSubscriptionHandler(Service service) {
        super(Operation.CANCEL_RESOURCES_SUBSCRIPTION, service);
    }
}

package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#CANCEL_AUTO_RENEWAL_RESOURCES}. */
public final class CancelAutoRenewalResourcesHandler extends ApiHandler {
    public CancelAutoRenewalResourcesHandler() {
        this(Service.fromEnvironment());
    }

    public CancelAutoRenewalResourcesHandler(Service service) {
        super(Operation.CANCEL_AUTO_RENEWAL_RESOURCES, service);
    }
}

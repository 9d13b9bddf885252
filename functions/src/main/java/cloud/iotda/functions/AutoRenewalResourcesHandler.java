package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#AUTO_RENEWAL_RESOURCES}. */
public final class AutoRenewalResourcesHandler extends ApiHandler {
    public AutoRenewalResourcesHandler() {
        this(Service.fromEnvironment());
    }

    public AutoRenewalResourcesHandler(Service service) {
        super(Operation.AUTO_RENEWAL_RESOURCES, service);
    }
}

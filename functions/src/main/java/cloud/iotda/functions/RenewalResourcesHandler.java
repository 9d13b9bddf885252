package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#RENEWAL_RESOURCES}. */
public final class RenewalResourcesHandler extends ApiHandler {
    public RenewalResourcesHandler() {
        this(Service.fromEnvironment());
    }

    public RenewalResourcesHandler(Service service) {
        super(Operation.RENEWAL_RESOURCES, service);
    }
}

package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#LIST_INSTANCES}. */
public final class ListInstancesHandler extends ApiHandler {
    public ListInstancesHandler() {
        this(Service.fromEnvironment());
    }

    public ListInstancesHandler(Service service) {
        super(Operation.LIST_INSTANCES, service);
    }
}

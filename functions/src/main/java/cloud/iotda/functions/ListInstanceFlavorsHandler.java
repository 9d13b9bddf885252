package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#LIST_FLAVORS}. */
public final class ListInstanceFlavorsHandler extends ApiHandler {
    public ListInstanceFlavorsHandler() {
        this(Service.fromEnvironment());
    }

    public ListInstanceFlavorsHandler(Service service) {
        super(Operation.LIST_FLAVORS, service);
    }
}

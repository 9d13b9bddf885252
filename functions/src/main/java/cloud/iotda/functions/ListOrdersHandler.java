package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#LIST_ORDERS}. */
public final class ListOrdersHandler extends ApiHandler {
    public ListOrdersHandler() {
        this(Service.fromEnvironment());
    }

    public ListOrdersHandler(Service service) {
        super(Operation.LIST_ORDERS, service);
    }
}

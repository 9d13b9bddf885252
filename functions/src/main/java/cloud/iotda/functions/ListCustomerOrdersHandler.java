package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#LIST_CUSTOMER_ORDERS}. */
public final class ListCustomerOrdersHandler extends ApiHandler {
    public ListCustomerOrdersHandler() {
        this(Service.fromEnvironment());
    }

    public ListCustomerOrdersHandler(Service service) {
        super(Operation.LIST_CUSTOMER_ORDERS, service);
    }
}

package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#LIST_PAY_PER_USE_CUSTOMER_RESOURCES}. */
public final class ListPayPerUseCustomerResourcesHandler extends ApiHandler {
    public ListPayPerUseCustomerResourcesHandler() {
        this(Service.fromEnvironment());
    }

    public ListPayPerUseCustomerResourcesHandler(Service service) {
        super(Operation.LIST_PAY_PER_USE_CUSTOMER_RESOURCES, service);
    }
}

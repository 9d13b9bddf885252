package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#SHOW_CUSTOMER_ORDER_DETAILS}. */
public final class ShowCustomerOrderDetailsHandler extends ApiHandler {
    public ShowCustomerOrderDetailsHandler() {
        this(Service.fromEnvironment());
    }

    public ShowCustomerOrderDetailsHandler(Service service) {
        super(Operation.SHOW_CUSTOMER_ORDER_DETAILS, service);
    }
}

package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#CANCEL_CUSTOMER_ORDER}. */
public final class CancelCustomerOrderHandler extends ApiHandler {
    public CancelCustomerOrderHandler() {
        this(Service.fromEnvironment());
    }

    public CancelCustomerOrderHandler(Service service) {
        super(Operation.CANCEL_CUSTOMER_ORDER, service);
    }
}

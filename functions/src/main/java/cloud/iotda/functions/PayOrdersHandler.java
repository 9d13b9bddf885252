package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#PAY_ORDERS}. */
public final class PayOrdersHandler extends ApiHandler {
    public PayOrdersHandler() {
        this(Service.fromEnvironment());
    }

    public PayOrdersHandler(Service service) {
        super(Operation.PAY_ORDERS, service);
    }
}

package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#PAY_ORDERS_V2}. */
public final class PayOrdersV2Handler extends ApiHandler {
    public PayOrdersV2Handler() {
        this(Service.fromEnvironment());
    }

    public PayOrdersV2Handler(Service service) {
        super(Operation.PAY_ORDERS_V2, service);
    }
}

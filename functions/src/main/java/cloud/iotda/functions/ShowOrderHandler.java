package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#SHOW_ORDER}. */
public final class ShowOrderHandler extends ApiHandler {
    public ShowOrderHandler() {
        this(Service.fromEnvironment());
    }

    public ShowOrderHandler(Service service) {
        super(Operation.SHOW_ORDER, service);
    }
}

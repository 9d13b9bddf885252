package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#RESIZE}. */
public final class ResizeHandler extends ApiHandler {
    public ResizeHandler() {
        this(Service.fromEnvironment());
    }

    public ResizeHandler(Service service) {
        super(Operation.RESIZE, service);
    }
}

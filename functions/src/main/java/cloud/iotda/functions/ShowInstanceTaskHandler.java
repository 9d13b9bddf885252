package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#SHOW_TASK}. */
public final class ShowInstanceTaskHandler extends ApiHandler {
    public ShowInstanceTaskHandler() {
        this(Service.fromEnvironment());
    }

    public ShowInstanceTaskHandler(Service service) {
        super(Operation.SHOW_TASK, service);
    }
}

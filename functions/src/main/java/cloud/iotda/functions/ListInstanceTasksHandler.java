package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#LIST_TASKS}. */
public final class ListInstanceTasksHandler extends ApiHandler {
    public ListInstanceTasksHandler() {
        this(Service.fromEnvironment());
    }

    public ListInstanceTasksHandler(Service service) {
        super(Operation.LIST_TASKS, service);
    }
}

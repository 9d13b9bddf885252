package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#RETRY_TASK}. */
public final class RetryInstanceTaskHandler extends ApiHandler {
    public RetryInstanceTaskHandler() {
        this(Service.fromEnvironment());
    }

    public RetryInstanceTaskHandler(Service service) {
        super(Operation.RETRY_TASK, service);
    }
}

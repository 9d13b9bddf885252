package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#DELETE_INSTANCE}. */
public final class DeleteInstanceHandler extends ApiHandler {
    public DeleteInstanceHandler() {
        this(Service.fromEnvironment());
    }

    public DeleteInstanceHandler(Service service) {
        super(Operation.DELETE_INSTANCE, service);
    }
}

package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#UPDATE_INSTANCE}. */
public final class UpdateInstanceHandler extends ApiHandler {
    public UpdateInstanceHandler() {
        this(Service.fromEnvironment());
    }

    public UpdateInstanceHandler(Service service) {
        super(Operation.UPDATE_INSTANCE, service);
    }
}

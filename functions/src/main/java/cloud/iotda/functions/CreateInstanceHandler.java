package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#CREATE_INSTANCE}. */
public final class CreateInstanceHandler extends ApiHandler {
    public CreateInstanceHandler() {
        this(Service.fromEnvironment());
    }

    public CreateInstanceHandler(Service service) {
        super(Operation.CREATE_INSTANCE, service);
    }
}

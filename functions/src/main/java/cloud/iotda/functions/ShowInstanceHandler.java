package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#SHOW_INSTANCE}. */
public final class ShowInstanceHandler extends ApiHandler {
    public ShowInstanceHandler() {
        this(Service.fromEnvironment());
    }

    public ShowInstanceHandler(Service service) {
        super(Operation.SHOW_INSTANCE, service);
    }
}

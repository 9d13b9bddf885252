package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#KEYSTONE_LIST_PROJECTS}. */
public final class KeystoneListProjectsHandler extends ApiHandler {
    public KeystoneListProjectsHandler() {
        this(Service.fromEnvironment());
    }

    public KeystoneListProjectsHandler(Service service) {
        super(Operation.KEYSTONE_LIST_PROJECTS, service);
    }
}

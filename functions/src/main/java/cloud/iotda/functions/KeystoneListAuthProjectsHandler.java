package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#KEYSTONE_LIST_AUTH_PROJECTS}. */
public final class KeystoneListAuthProjectsHandler extends ApiHandler {
    public KeystoneListAuthProjectsHandler() {
        this(Service.fromEnvironment());
    }

    public KeystoneListAuthProjectsHandler(Service service) {
        super(Operation.KEYSTONE_LIST_AUTH_PROJECTS, service);
    }
}

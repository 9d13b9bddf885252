package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#KEYSTONE_LIST_AUTH_DOMAINS}. */
public final class KeystoneListAuthDomainsHandler extends ApiHandler {
    public KeystoneListAuthDomainsHandler() {
        this(Service.fromEnvironment());
    }

    public KeystoneListAuthDomainsHandler(Service service) {
        super(Operation.KEYSTONE_LIST_AUTH_DOMAINS, service);
    }
}

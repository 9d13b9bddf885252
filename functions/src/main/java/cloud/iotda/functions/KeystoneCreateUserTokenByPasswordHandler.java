package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#KEYSTONE_CREATE_USER_TOKEN_BY_PASSWORD}. */
public final class KeystoneCreateUserTokenByPasswordHandler extends ApiHandler {
    public KeystoneCreateUserTokenByPasswordHandler() {
        this(Service.fromEnvironment());
    }

    public KeystoneCreateUserTokenByPasswordHandler(Service service) {
        super(Operation.KEYSTONE_CREATE_USER_TOKEN_BY_PASSWORD, service);
    }
}

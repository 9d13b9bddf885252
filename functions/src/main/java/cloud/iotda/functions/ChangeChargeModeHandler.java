package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#CHANGE_CHARGE_MODE}. */
public final class ChangeChargeModeHandler extends ApiHandler {
    public ChangeChargeModeHandler() {
        this(Service.fromEnvironment());
    }

    public ChangeChargeModeHandler(Service service) {
        super(Operation.CHANGE_CHARGE_MODE, service);
    }
}

package cloud.iotda.order;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A validated change request. {@link #normalized()} is its canonical JSON: defaults filled in, fixed field order. */
public sealed interface ChangeRequest permits ResizeRequest, ChangeChargeModeRequest {

    OrderType type();

    boolean autoPay();

    ObjectNode normalized();
}

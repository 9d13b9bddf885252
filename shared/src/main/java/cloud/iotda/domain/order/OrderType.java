package cloud.iotda.domain.order;

/** What an order changes: the flavor, or the billing mode. */
public enum OrderType {
    RESIZE, CHANGE_CHARGE_MODE
}

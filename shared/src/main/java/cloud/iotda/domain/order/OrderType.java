package cloud.iotda.domain.order;

/** What an order does: change the flavor, change the billing mode, or buy a new yearly/monthly instance. */
public enum OrderType {
    RESIZE, CHANGE_CHARGE_MODE, CREATE_INSTANCE
}

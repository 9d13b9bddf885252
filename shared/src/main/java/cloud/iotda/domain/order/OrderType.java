package cloud.iotda.domain.order;

/**
 * What an order does: change the flavor, change the billing mode, buy a new yearly/monthly instance, renew a
 * yearly/monthly subscription, or unsubscribe it (or its renewed months).
 */
public enum OrderType {
    RESIZE, CHANGE_CHARGE_MODE, CREATE_INSTANCE, RENEW, UNSUBSCRIBE
}

package cloud.iotda.order;

public enum OrderType {
    RESIZE, CHANGE_CHARGE_MODE
}

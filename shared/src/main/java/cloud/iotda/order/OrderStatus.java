package cloud.iotda.order;

/** COMPLETED is final; the others are unfinished and block further changes to the instance. */
public enum OrderStatus {
    COMPLETED, PENDING_PAYMENT, SCHEDULED, CANCELLED;

    public boolean unfinished() {
        return this == PENDING_PAYMENT || this == SCHEDULED;
    }
}

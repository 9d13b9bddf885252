package cloud.iotda.domain.order;

/**
 * COMPLETED and CANCELLED are final; PENDING_PAYMENT and SCHEDULED are unfinished and block further changes to the
 * instance.
 */
public enum OrderStatus {
    COMPLETED, PENDING_PAYMENT, SCHEDULED, CANCELLED;

    public boolean unfinished() {
        return this == PENDING_PAYMENT || this == SCHEDULED;
    }
}

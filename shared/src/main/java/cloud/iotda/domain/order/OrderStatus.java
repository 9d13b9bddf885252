package cloud.iotda.domain.order;

/**
 * COMPLETED and CANCELLED are final; PENDING_PAYMENT, SCHEDULED and FAILED (its change could not be made; it waits
 * for a retry or a cancel) are unfinished and block further orders on the instance.
 */
public enum OrderStatus {
    COMPLETED, PENDING_PAYMENT, SCHEDULED, FAILED, CANCELLED;

    public boolean unfinished() {
        return this == PENDING_PAYMENT || this == SCHEDULED || this == FAILED;
    }
}

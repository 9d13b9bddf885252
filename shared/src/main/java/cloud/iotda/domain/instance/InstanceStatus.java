package cloud.iotda.domain.instance;

/**
 * The statuses of the official API. Only an ACTIVE instance accepts a change; TRADING means an order awaits
 * payment, CREATING a yearly/monthly instance whose creation awaits payment, FAILED one whose creation was
 * cancelled or expired unpaid.
 */
public enum InstanceStatus {
    CREATING, ACTIVE, FROZEN, TRADING, MODIFYING, MODIFY_FAILED, FAILED
}

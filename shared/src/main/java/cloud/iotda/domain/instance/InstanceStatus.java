package cloud.iotda.domain.instance;

/** Only an ACTIVE instance accepts a change; TRADING means an order awaits payment. */
public enum InstanceStatus {
    ACTIVE, FROZEN, TRADING, MODIFYING
}

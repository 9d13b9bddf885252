package cloud.iotda.domain.instance;

/**
 * What the order processor does with a subscription that is due: renew it (auto-renewal, at expiry), freeze the
 * instance (at the end of the grace period) or delete it (at the end of the retention period).
 */
public enum SubscriptionStep {
    RENEW, FREEZE, DELETE
}

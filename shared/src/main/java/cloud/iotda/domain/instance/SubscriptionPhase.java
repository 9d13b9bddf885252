package cloud.iotda.domain.instance;

/**
 * Where a yearly/monthly subscription is: before expiry; in the grace period (the instance still works); in the
 * retention period (frozen, its data kept); ended (deleted).
 */
public enum SubscriptionPhase {
    ACTIVE("active"), GRACE("grace"), RETENTION("retention"), ENDED("ended");

    private final String wireName;

    SubscriptionPhase(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

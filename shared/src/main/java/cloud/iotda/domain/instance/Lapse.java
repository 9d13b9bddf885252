package cloud.iotda.domain.instance;

import java.time.Duration;

/**
 * How an unrenewed yearly/monthly subscription lapses: for {@code grace} after expiry the instance still works,
 * then it is FROZEN for {@code retention}, then deleted. A setting of the deployment (the billing center's
 * international site gives 15 and 15 days).
 */
public record Lapse(Duration grace, Duration retention) {
    public static final Lapse STANDARD = new Lapse(Duration.ofDays(15), Duration.ofDays(15));

    public Lapse {
        if (grace == null || retention == null || grace.isNegative() || retention.isNegative()) {
            throw new IllegalArgumentException("grace and retention are durations of 0 or more");
        }
    }

    public static Lapse ofDays(long graceDays, long retentionDays) {
        return new Lapse(Duration.ofDays(graceDays), Duration.ofDays(retentionDays));
    }
}

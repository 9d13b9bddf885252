package cloud.iotda.instance;

import java.time.Instant;

/** The yearly/monthly terms of a prePaid instance. */
public record Subscription(PeriodType periodType, int periodNum, boolean autoRenew, Instant expireTime) {
}

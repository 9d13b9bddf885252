package cloud.iotda.domain.instance;

import java.time.Instant;
import java.time.ZoneOffset;

/** The yearly/monthly terms of a prePaid instance. */
public record Subscription(PeriodType periodType, int periodNum, boolean autoRenew, Instant expireTime) {

    /** A subscription bought at {@code start}: it runs for {@code periodNum} periods from then. */
    public static Subscription startingAt(Instant start, PeriodType periodType, int periodNum, boolean autoRenew) {
        Instant expires = periodType.plus(start.atZone(ZoneOffset.UTC), periodNum).toInstant();
        return new Subscription(periodType, periodNum, autoRenew, expires);
    }
}

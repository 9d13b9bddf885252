package cloud.iotda.domain.instance;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The yearly/monthly terms of a prePaid instance: {@code months} bought from {@code startTime} (a year is 12), so
 * that renewals count from the day the subscription started: bought on March 31 for a month it expires on April 30,
 * renewed for a month on May 31 (the billing center's example), not on May 30. {@code periodType} and
 * {@code periodNum} are the period it was bought for, which an automatic renewal buys again. {@code renewalTriedAt}
 * is when an automatic renewal of this term last found too little balance (null: not tried yet).
 */
public record Subscription(PeriodType periodType, int periodNum, boolean autoRenew, Instant startTime, int months,
                           Instant renewalTriedAt) {
    /**
     * The billing center's day: auto-renewal is charged from 03:00 on the 7th day before expiry and tried again at
     * 03:00 each day, in the region's time; the regions this service stands for (cn-north-4, ap-southeast-1, -3)
     * keep UTC+8.
     */
    public static final ZoneOffset BILLING_ZONE = ZoneOffset.ofHours(8);
    public static final LocalTime RENEWAL_HOUR = LocalTime.of(3, 0);
    public static final int RENEWAL_DAYS_BEFORE_EXPIRY = 7;

    public Subscription {
        if (periodType == null || periodNum < 1 || periodNum > periodType.maxPeriods()) {
            throw new IllegalArgumentException("a subscription needs a period: " + periodType + " " + periodNum);
        }
        if (startTime == null || months < 0) {
            throw new IllegalArgumentException("a subscription needs a start and months: " + startTime + " "
                    + months);
        }
    }

    /** A subscription whose automatic renewal was not tried in this term. */
    public Subscription(PeriodType periodType, int periodNum, boolean autoRenew, Instant startTime, int months) {
        this(periodType, periodNum, autoRenew, startTime, months, null);
    }

    /**
     * A subscription bought at {@code start}: it runs for {@code periodNum} periods from then, counted in whole
     * seconds (as every time the API shows), so that the expiry a user reads is the instant it expires.
     */
    public static Subscription startingAt(Instant start, PeriodType periodType, int periodNum, boolean autoRenew) {
        return new Subscription(periodType, periodNum, autoRenew, start.truncatedTo(ChronoUnit.SECONDS),
                periodType.months(periodNum));
    }

    /**
     * A subscription known only by its expiry (stored before subscriptions kept their start): its renewals count
     * from the expiry.
     */
    public static Subscription expiringAt(PeriodType periodType, int periodNum, boolean autoRenew, Instant expires) {
        return new Subscription(periodType, periodNum, autoRenew, expires, 0);
    }

    public Instant expireTime() {
        return startTime.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** When the grace period ends and the instance is frozen. */
    public Instant graceEnd(Lapse lapse) {
        return expireTime().plus(lapse.grace());
    }

    /** When the retention period ends and the instance is deleted. */
    public Instant retentionEnd(Lapse lapse) {
        return graceEnd(lapse).plus(lapse.retention());
    }

    /** Whether it has expired by {@code now} (expiry is already grace): changed only once renewed. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expireTime());
    }

    /** Where the subscription is at {@code now}; each period begins at its boundary (expiry is already grace). */
    public SubscriptionPhase phaseAt(Instant now, Lapse lapse) {
        if (now.isBefore(expireTime())) {
            return SubscriptionPhase.ACTIVE;
        }
        if (now.isBefore(graceEnd(lapse))) {
            return SubscriptionPhase.GRACE;
        }
        return now.isBefore(retentionEnd(lapse)) ? SubscriptionPhase.RETENTION : SubscriptionPhase.ENDED;
    }

    /**
     * When auto-renewal is next charged: 03:00 (billing time) on the 7th day before expiry, and after an attempt that
     * found too little balance, 03:00 the next day.
     */
    public Instant renewalAttemptAt() {
        ZonedDateTime expiry = expireTime().atZone(BILLING_ZONE);
        Instant first = expiry.toLocalDate().minusDays(RENEWAL_DAYS_BEFORE_EXPIRY).atTime(RENEWAL_HOUR)
                .atZone(BILLING_ZONE).toInstant();
        if (renewalTriedAt == null || renewalTriedAt.isBefore(first)) {
            return first;
        }
        ZonedDateTime tried = renewalTriedAt.atZone(BILLING_ZONE);
        ZonedDateTime sameDay = tried.toLocalDate().atTime(RENEWAL_HOUR).atZone(BILLING_ZONE);
        return (sameDay.isAfter(tried) ? sameDay : sameDay.plusDays(1)).toInstant();
    }

    /** An automatic renewal found too little balance at {@code now}: it is tried again at the next 03:00. */
    public Subscription renewalTried(Instant now) {
        return new Subscription(periodType, periodNum, autoRenew, startTime, months, now);
    }

    /** Renewed for {@code periods} of {@code type}, counted from the expiry whenever it is renewed. */
    public Subscription renewedBy(PeriodType type, int periods) {
        return new Subscription(periodType, periodNum, autoRenew, startTime, months + type.months(periods), null);
    }

    /** How many of its months have begun by {@code now}: the month {@code now} falls in counts. */
    public int monthsBegunAt(Instant now) {
        ZonedDateTime start = startTime.atZone(ZoneOffset.UTC);
        int begun = 0;
        while (begun < months && !start.plusMonths(begun).toInstant().isAfter(now)) {
            begun++;
        }
        return begun;
    }

    /** The bought period's months: what unsubscribing the renewals alone keeps at least. */
    public int boughtMonths() {
        return Math.min(months, periodType.months(periodNum));
    }

    /** Without its last {@code removed} months (their unsubscription). */
    public Subscription shortenedBy(int removed) {
        if (removed < 0 || removed > months) {
            throw new IllegalArgumentException("cannot remove " + removed + " of " + months + " months");
        }
        return new Subscription(periodType, periodNum, autoRenew, startTime, months - removed, null);
    }

    /** Renewed automatically: for the period it was bought for. */
    public Subscription renewedAutomatically() {
        return renewedBy(periodType, periodNum);
    }

    public Subscription withAutoRenew(boolean on) {
        return new Subscription(periodType, periodNum, on, startTime, months, null);
    }
}

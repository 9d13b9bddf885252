package cloud.iotda.domain.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The subscription's dates: expiry from its start, the two periods after it, renewals counted from expiry. */
class SubscriptionTest {
    private static final Instant MARCH_31 = Instant.parse("2024-03-31T08:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static Subscription monthlyFrom(Instant start) {
        return Subscription.startingAt(start, PeriodType.MONTH, 1, false);
    }

    @Test
    void expiresOneMonthAfterItsStartClampedToTheMonthsLastDay() {
        assertEquals(Instant.parse("2024-04-30T08:00:00Z"), monthlyFrom(MARCH_31).expireTime());
        assertEquals(Instant.parse("2025-02-28T08:00:00Z"),
                monthlyFrom(Instant.parse("2025-01-31T08:00:00Z")).expireTime());
        assertEquals(Instant.parse("2024-02-29T08:00:00Z"),
                monthlyFrom(Instant.parse("2024-01-31T08:00:00Z")).expireTime());
    }

    @Test
    void renewalCountsFromTheStartSoAMonthEndStaysAMonthEnd() {
        // The billing center's example: bought March 31, expires April 30, renewed for a month: May 31.
        assertEquals(Instant.parse("2024-05-31T08:00:00Z"),
                monthlyFrom(MARCH_31).renewedBy(PeriodType.MONTH, 1).expireTime());
        Subscription january = monthlyFrom(Instant.parse("2025-01-31T08:00:00Z"));
        assertEquals(Instant.parse("2025-03-31T08:00:00Z"), january.renewedAutomatically().expireTime());
        assertEquals(Instant.parse("2026-02-28T08:00:00Z"), january.renewedBy(PeriodType.YEAR, 1).expireTime());
    }

    @Test
    void yearlySubscriptionRenewsAutomaticallyForItsOwnPeriod() {
        Subscription twoYears = Subscription.startingAt(Instant.parse("2024-02-29T00:00:00Z"), PeriodType.YEAR, 2,
                true);
        assertEquals(Instant.parse("2026-02-28T00:00:00Z"), twoYears.expireTime());
        assertEquals(Instant.parse("2028-02-29T00:00:00Z"), twoYears.renewedAutomatically().expireTime());
        assertEquals(PeriodType.YEAR, twoYears.renewedBy(PeriodType.MONTH, 3).periodType(),
                "a renewal for another period keeps the period an automatic renewal buys");
    }

    @Test
    void phaseChangesExactlyAtEachBoundary() {
        Subscription subscription = monthlyFrom(MARCH_31);
        Instant expiry = subscription.expireTime();
        Lapse standard = Lapse.STANDARD;
        assertEquals(SubscriptionPhase.ACTIVE, subscription.phaseAt(expiry.minus(SECOND), standard));
        assertEquals(SubscriptionPhase.GRACE, subscription.phaseAt(expiry, standard));
        assertEquals(SubscriptionPhase.GRACE, subscription.phaseAt(expiry.plus(Duration.ofDays(15)).minus(SECOND),
                standard));
        assertEquals(SubscriptionPhase.RETENTION, subscription.phaseAt(expiry.plus(Duration.ofDays(15)), standard));
        assertEquals(SubscriptionPhase.RETENTION,
                subscription.phaseAt(expiry.plus(Duration.ofDays(30)).minus(SECOND), standard));
        assertEquals(SubscriptionPhase.ENDED, subscription.phaseAt(expiry.plus(Duration.ofDays(30)), standard));
    }

    @Test
    void theGraceAndRetentionPeriodsAreTheDeploymentsSetting() {
        Subscription subscription = monthlyFrom(MARCH_31);
        Instant expiry = subscription.expireTime();
        Lapse brief = Lapse.ofDays(3, 7);
        assertEquals(expiry.plus(Duration.ofDays(3)), subscription.graceEnd(brief));
        assertEquals(expiry.plus(Duration.ofDays(10)), subscription.retentionEnd(brief));
        assertEquals(SubscriptionPhase.RETENTION, subscription.phaseAt(expiry.plus(Duration.ofDays(3)), brief));
        assertEquals(SubscriptionPhase.ENDED, subscription.phaseAt(expiry.plus(Duration.ofDays(10)), brief));
        assertEquals(SubscriptionPhase.GRACE, subscription.phaseAt(expiry.plus(Duration.ofDays(3)), Lapse.STANDARD));
        Lapse none = Lapse.ofDays(0, 0);
        assertEquals(SubscriptionPhase.ENDED, subscription.phaseAt(expiry, none), "no grace, no retention");
    }

    @Test
    void subscriptionKnownOnlyByItsExpiryRenewsFromTheExpiry() {
        Subscription legacy = Subscription.expiringAt(PeriodType.MONTH, 1, false,
                Instant.parse("2025-02-28T00:00:00Z"));
        assertEquals(Instant.parse("2025-02-28T00:00:00Z"), legacy.expireTime());
        assertEquals(Instant.parse("2025-03-28T00:00:00Z"), legacy.renewedAutomatically().expireTime());
    }

    @Test
    void rejectsPeriodNumTenForMonth() {
        assertThrows(IllegalArgumentException.class,
                () -> Subscription.startingAt(MARCH_31, PeriodType.MONTH, 10, false));
    }
}

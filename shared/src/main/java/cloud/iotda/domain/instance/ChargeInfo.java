package cloud.iotda.domain.instance;

import java.time.Instant;
import java.util.Objects;

/**
 * How a new instance is to be billed: pay-per-use, or a yearly/monthly subscription of {@code periodNum} periods,
 * renewed automatically or not, paid at once from the balance ({@code autoPay}) or left as an order to pay.
 */
public record ChargeInfo(ChargeMode mode, PeriodType periodType, int periodNum, boolean autoRenew, boolean autoPay) {

    public ChargeInfo {
        Objects.requireNonNull(mode, "mode");
        boolean periodFits = periodType != null && periodNum >= 1 && periodNum <= periodType.maxPeriods();
        if (mode == ChargeMode.PRE_PAID && !periodFits) {
            throw new IllegalArgumentException("a yearly/monthly charge needs a period: " + periodType + " "
                    + periodNum);
        }
    }

    public static ChargeInfo postPaid() {
        return new ChargeInfo(ChargeMode.POST_PAID, null, 0, false, false);
    }

    public static ChargeInfo prePaid(PeriodType periodType, int periodNum, boolean autoRenew, boolean autoPay) {
        return new ChargeInfo(ChargeMode.PRE_PAID, periodType, periodNum, autoRenew, autoPay);
    }

    /** The subscription these terms buy when paid at {@code paidAt}. */
    public Subscription subscriptionFrom(Instant paidAt) {
        return Subscription.startingAt(paidAt, periodType, periodNum, autoRenew);
    }
}

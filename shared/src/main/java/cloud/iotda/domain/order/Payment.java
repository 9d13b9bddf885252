package cloud.iotda.domain.order;

import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.billing.PriceList;
import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.PeriodType;
import java.time.Duration;
import java.time.Instant;

/**
 * How an order is priced and who pays it: the price list, and the account whose project places it with its balance
 * as read (null: a project of no account, the operator's own, whose orders are paid as they say without a balance).
 */
public record Payment(PriceList prices, Account payer) {
    /** No prices and no payer: every order costs nothing. */
    public static final Payment FREE = new Payment(null, null);
    /**
     * What a month of a resize's difference is counted as: 31 days, so that a subscription of one calendar month
     * counts as one month whichever month it is.
     */
    private static final Duration MONTH = Duration.ofDays(31);

    /** Nobody's balance pays: the order is paid as it says. */
    public boolean free() {
        return payer == null;
    }

    /** What paying {@code amount} takes from the payer's balance; null if the balance holds less. */
    public Charge charge(Amount amount) {
        if (payer == null || payer.balance().compareTo(amount) < 0) {
            return null;
        }
        return new Charge(payer.domainId(), amount);
    }

    /**
     * The order's amount: periods of the flavor bought, renewed or turned yearly/monthly; for a resize of a
     * yearly/monthly instance, the monthly difference for each month (of 31 days, begun) left until expiry, nothing
     * when the new flavor costs less; for an unsubscription, what is given back: a month's price for each month not
     * begun; nothing for pay-per-use.
     */
    public Amount priceOf(Instance current, Change change, Instant now) {
        if (prices == null) {
            return Amount.ZERO;
        }
        if (change instanceof Change.ChargeModeChange charge) {
            return priced(current.flavor(), charge.periodType(), charge.periodNum());
        }
        if (change instanceof Change.Renew renew) {
            return priced(current.flavor(), renew.periodType(), renew.periodNum());
        }
        if (change instanceof Change.Create create) {
            return priceOfNew(current.flavor(), create.charge());
        }
        if (change instanceof Change.Unsubscribe unsubscribe) {
            // What is given back: the months not begun, each at a month's price.
            return unsubscribe.months() == 0 ? Amount.ZERO
                    : priced(current.flavor(), PeriodType.MONTH, 1).times(unsubscribe.months());
        }
        if (change instanceof Change.Resize resize && current.billing().subscribed()) {
            Amount before = priced(current.flavor(), PeriodType.MONTH, 1);
            Amount after = priced(resize.flavor(), PeriodType.MONTH, 1);
            if (after.compareTo(before) <= 0) {
                return Amount.ZERO;
            }
            Duration left = Duration.between(now, current.subscription().expireTime());
            long months = Math.max(1, (left.toSeconds() + MONTH.toSeconds() - 1) / MONTH.toSeconds());
            return after.minus(before).times(months);
        }
        return Amount.ZERO;
    }

    /** A new instance of {@code flavor} bought as {@code charge} says: its periods, or nothing for pay-per-use. */
    public Amount priceOfNew(Flavor flavor, ChargeInfo charge) {
        if (prices == null || charge.mode() != ChargeMode.PRE_PAID) {
            return Amount.ZERO;
        }
        return priced(flavor, charge.periodType(), charge.periodNum());
    }

    private Amount priced(Flavor flavor, PeriodType type, int periods) {
        return prices.prices(flavor) ? prices.of(flavor, type, periods) : Amount.ZERO;
    }
}

package cloud.iotda.domain.order;

import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.instance.Billing;
import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import java.time.Instant;

/**
 * A change an order makes, with every default filled in. It is what an order stores and what runs when the order
 * completes, so a stored order never depends on how its request was parsed.
 */
public sealed interface Change {

    OrderType type();

    /** Pay from the account balance at once instead of leaving the order awaiting payment. */
    boolean autoPay();

    /** Run in the instance's change window instead of now. */
    boolean delay();

    /** What the instance holds once the change is done, at {@code now} (a subscription starts then). */
    Effect effectOn(Instance current, Instant now);

    /** The instance's status once the order is cancelled or expires unpaid, from {@code held} while it held it. */
    default InstanceStatus statusAfterCancel(InstanceStatus held) {
        return InstanceStatus.ACTIVE;
    }

    /** Identifies the request: two requests with equal changes are the same request (retries). */
    default String fingerprint() {
        return Sha256.hex(canonical());
    }

    /**
     * The fields that make two requests the same, as explicit text: a stored retry key is its hash, so this text
     * stays as it is whatever the fields are called (ChangeTest pins it; it was the records' text once).
     */
    String canonical();

    /** Flavor and billing after a change. */
    record Effect(Flavor flavor, Billing billing) {
    }

    /** Resize: a new flavor, now or in the change window. */
    record Resize(Flavor flavor, boolean delay, boolean autoPay) implements Change {
        @Override
        public String canonical() {
            String held = flavor.size() == null ? flavor.type() : flavor.type() + " x" + flavor.size();
            return "Resize[flavor=" + held + ", delay=" + delay + ", autoPay=" + autoPay + "]";
        }

        @Override
        public OrderType type() {
            return OrderType.RESIZE;
        }

        @Override
        public Effect effectOn(Instance current, Instant now) {
            return new Effect(flavor, current.billing());
        }
    }

    /** CreateInstance of a yearly/monthly instance: the subscription it buys, starting when it is paid. */
    record Create(ChargeInfo charge) implements Change {
        @Override
        public String canonical() {
            return "Create[charge=ChargeInfo[mode=" + charge.mode().name() + ", periodType="
                    + charge.periodType().name() + ", periodNum=" + charge.periodNum() + ", autoRenew="
                    + charge.autoRenew() + ", autoPay=" + charge.autoPay() + "]]";
        }

        public Create {
            if (charge.mode() != ChargeMode.PRE_PAID) {
                throw new IllegalArgumentException("only a yearly/monthly instance is bought by an order");
            }
        }

        @Override
        public OrderType type() {
            return OrderType.CREATE_INSTANCE;
        }

        @Override
        public boolean autoPay() {
            return charge.autoPay();
        }

        @Override
        public boolean delay() {
            return false;
        }

        @Override
        public Effect effectOn(Instance current, Instant now) {
            return new Effect(current.flavor(), Billing.prePaid(charge.subscriptionFrom(now)));
        }

        /** Never paid: the instance was never created. */
        @Override
        public InstanceStatus statusAfterCancel(InstanceStatus held) {
            return InstanceStatus.FAILED;
        }
    }

    /** Change-charge-mode: from pay-per-use to a yearly/monthly subscription. */
    record ChargeModeChange(PeriodType periodType, int periodNum, boolean autoRenew, boolean autoPay)
            implements Change {
        @Override
        public String canonical() {
            return "ChargeModeChange[periodType=" + periodType.name() + ", periodNum=" + periodNum + ", autoRenew="
                    + autoRenew + ", autoPay=" + autoPay + "]";
        }

        @Override
        public OrderType type() {
            return OrderType.CHANGE_CHARGE_MODE;
        }

        @Override
        public boolean delay() {
            return false;
        }

        @Override
        public Effect effectOn(Instance current, Instant now) {
            return new Effect(current.flavor(),
                    Billing.prePaid(Subscription.startingAt(now, periodType, periodNum, autoRenew)));
        }
    }

    /**
     * Renewal of a yearly/monthly subscription for {@code periodNum} periods, counted from its expiry: by the billing
     * center (by the customer or the operator), or {@code automatic} for the period it was bought for. One awaiting
     * payment leaves the instance as it was (working, or FROZEN), and so does its cancellation.
     */
    record Renew(PeriodType periodType, int periodNum, boolean automatic) implements Change {
        @Override
        public String canonical() {
            return "Renew[periodType=" + periodType.name() + ", periodNum=" + periodNum + ", automatic=" + automatic
                    + "]";
        }

        public Renew {
            if (periodType == null || periodNum < 1 || periodNum > periodType.maxRenewalPeriods()) {
                throw new IllegalArgumentException("a renewal needs a period: " + periodType + " " + periodNum);
            }
        }

        @Override
        public OrderType type() {
            return OrderType.RENEW;
        }

        @Override
        public boolean autoPay() {
            return true;
        }

        @Override
        public boolean delay() {
            return false;
        }

        @Override
        public Effect effectOn(Instance current, Instant now) {
            return new Effect(current.flavor(),
                    current.billing().withSubscription(current.subscription().renewedBy(periodType, periodNum)));
        }

        @Override
        public InstanceStatus statusAfterCancel(InstanceStatus held) {
            return held;
        }
    }

    /**
     * Unsubscription (the billing center's): of the resource with its months not begun ({@code renewalsOnly} false:
     * the instance is deleted), or only of the renewed months not begun; {@code months} is how many months are given
     * back.
     */
    record Unsubscribe(boolean renewalsOnly, int months) implements Change {
        public Unsubscribe {
            if (months < 0) {
                throw new IllegalArgumentException("an unsubscription gives back months: " + months);
            }
        }

        @Override
        public String canonical() {
            return "Unsubscribe[renewalsOnly=" + renewalsOnly + ", months=" + months + "]";
        }

        @Override
        public OrderType type() {
            return OrderType.UNSUBSCRIBE;
        }

        @Override
        public boolean autoPay() {
            return false;
        }

        @Override
        public boolean delay() {
            return false;
        }

        @Override
        public Effect effectOn(Instance current, Instant now) {
            Subscription subscription = current.subscription();
            return new Effect(current.flavor(), renewalsOnly
                    ? current.billing().withSubscription(subscription.shortenedBy(months)) : current.billing());
        }
    }
}

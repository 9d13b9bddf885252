package cloud.iotda.domain.instance;

import java.util.Objects;

/**
 * How an instance is paid for: pay-per-use, or yearly/monthly with its subscription, which is null while the order
 * buying it awaits payment.
 */
public record Billing(ChargeMode mode, Subscription subscription) {
    public static final Billing POST_PAID = new Billing(ChargeMode.POST_PAID, null);

    public Billing {
        Objects.requireNonNull(mode, "mode");
    }

    public static Billing prePaid(Subscription subscription) {
        return new Billing(ChargeMode.PRE_PAID, subscription);
    }

    /** Yearly/monthly with a subscription: what renewals, auto-renewal and the processor's steps need. */
    public boolean subscribed() {
        return mode == ChargeMode.PRE_PAID && subscription != null;
    }

    public Billing withSubscription(Subscription renewed) {
        return new Billing(mode, renewed);
    }
}

package cloud.iotda.domain.billing;

/**
 * What paying an order takes from its account's balance, written together with the order: the balance must still
 * hold the amount when the write is made. A {@code refund} (an unsubscription's) gives the amount back instead.
 */
public record Charge(String domainId, Amount amount, boolean refund) {
    public Charge {
        if (domainId == null || amount == null || amount.isZero()) {
            throw new IllegalArgumentException("a charge takes an amount from an account");
        }
    }

    public Charge(String domainId, Amount amount) {
        this(domainId, amount, false);
    }

    /** The amount given back to the account's balance. */
    public static Charge refundOf(String domainId, Amount amount) {
        return new Charge(domainId, amount, true);
    }

    /** This and {@code other}, of the same account and kind, as one write. */
    public Charge plus(Charge other) {
        if (!domainId.equals(other.domainId) || refund != other.refund) {
            throw new IllegalArgumentException("charges of one account and kind add up: " + this + ", " + other);
        }
        return new Charge(domainId, amount.plus(other.amount), refund);
    }
}

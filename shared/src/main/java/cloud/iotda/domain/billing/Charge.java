package cloud.iotda.domain.billing;

/**
 * What paying an order takes from its account's balance, written together with the order: the balance must still
 * hold the amount when the write is made.
 */
public record Charge(String domainId, Amount amount) {
    public Charge {
        if (domainId == null || amount == null || amount.isZero()) {
            throw new IllegalArgumentException("a charge takes an amount from an account");
        }
    }
}

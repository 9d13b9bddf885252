package cloud.iotda.domain.billing;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sum of money in the price list's currency, kept in hundredths (fen, cents) so that adding and taking never
 * rounds; written with two decimals, as the billing center shows amounts ({@code measure_id} 1: yuan).
 */
public record Amount(long hundredths) implements Comparable<Amount> {
    public static final Amount ZERO = new Amount(0);
    /** At most 999,999,999.99: no sum of this service's orders comes near it, and it stays exact in a double. */
    public static final long MAX_HUNDREDTHS = 99_999_999_999L;
    private static final Pattern TEXT = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");
    public static final String RULE = "a sum of 0..999999999.99 with at most two decimals";

    public Amount {
        if (hundredths < 0 || hundredths > MAX_HUNDREDTHS) {
            throw new IllegalArgumentException("an amount is " + RULE + ": " + hundredths + " hundredths");
        }
    }

    /** {@code 12}, {@code 12.5} or {@code 12.50}; empty if {@code text} is not {@link #RULE}. */
    public static Optional<Amount> parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Amount(new BigDecimal(text).movePointRight(2).longValueExact()));
    }

    public Amount plus(Amount other) {
        return new Amount(Math.addExact(hundredths, other.hundredths));
    }

    public Amount minus(Amount other) {
        return new Amount(Math.subtractExact(hundredths, other.hundredths));
    }

    public Amount times(long factor) {
        return new Amount(Math.multiplyExact(hundredths, factor));
    }

    public boolean isZero() {
        return hundredths == 0;
    }

    /** As a decimal number of the currency, for a JSON number field. */
    public BigDecimal decimal() {
        return BigDecimal.valueOf(hundredths, 2);
    }

    @Override
    public int compareTo(Amount other) {
        return Long.compare(hundredths, other.hundredths);
    }

    /** Two decimals: {@code 1200.00}. */
    @Override
    public String toString() {
        return decimal().toPlainString();
    }
}

package cloud.iotda.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * An order's id, shaped like the published example {@code CS22121614500ABCD}: {@code CS}, the UTC time to the
 * minute ({@code yyMMddHHmm}) and 5 random upper-case letters/digits, 17 characters. Ids of the earlier 19-character
 * shape (the time to the second) stay readable.
 */
public record OrderId(String value) {
    private static final Pattern FORMAT = Pattern.compile("CS(\\d{10}|\\d{12})[A-Z0-9]{5}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final int RANDOM_CHARS = 5;

    /** How the format reads in a message: what a well-formed id is. */
    public static final String DESCRIPTION = "CS, 10 digits and 5 upper-case letters or digits";

    public OrderId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an order id: " + value);
        }
    }

    public static Optional<OrderId> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new OrderId(text)) : Optional.empty();
    }

    /** A new id for an order placed at {@code now}; uniqueness is enforced by the conditional write. */
    public static OrderId next(Instant now, RandomGenerator random) {
        StringBuilder id = new StringBuilder(2 + 10 + RANDOM_CHARS).append("CS").append(STAMP.format(now));
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return new OrderId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

package cloud.iotda.order;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code CS} + UTC yyMMddHHmmss + 5 random upper-case letters/digits; uniqueness is enforced by the conditional write. */
public final class OrderIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final int RANDOM_CHARS = 5;

    // Made on first use, not at init: under SnapStart, state made at init is restored identically in every copy
    // of the function, and the random part of the ids must differ between them.
    private volatile SecureRandom random;

    public String next(Instant now) {
        SecureRandom random = this.random;
        if (random == null) {
            random = new SecureRandom();
            this.random = random;
        }
        StringBuilder id = new StringBuilder(2 + 12 + RANDOM_CHARS).append("CS").append(STAMP.format(now));
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}

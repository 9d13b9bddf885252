package cloud.iotda.usecase;

import cloud.iotda.domain.OrderId;
import java.security.SecureRandom;
import java.time.Instant;

/** New order ids, with their random part from a {@link SecureRandom}. */
public final class OrderIdSource {
    // Made on first use, not at init: under SnapStart, state made at init is restored identically in every copy
    // of the function, and the random part of the ids must differ between them.
    private volatile SecureRandom random;

    public OrderId next(Instant now) {
        SecureRandom current = random;
        if (current == null) {
            current = new SecureRandom();
            random = current;
        }
        return OrderId.next(now, current);
    }
}

package cloud.iotda.usecase;

import cloud.iotda.domain.OrderId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** New ids and secrets, with their random parts from a {@link SecureRandom}. */
public final class IdSource {
    // Made on first use, not at init: under SnapStart, state made at init is restored identically in every copy
    // of the function, and the random part of the ids must differ between them.
    private volatile RandomGenerator random;

    public IdSource() {
    }

    /** Ids drawn from {@code random} (tests: a source forced to repeat an id). */
    public IdSource(RandomGenerator random) {
        this.random = random;
    }

    public OrderId nextOrderId(Instant now) {
        return OrderId.next(now, random());
    }

    /** A random (version 4) UUID: 36 characters of a-f, 0-9 and -, the documented form of an instance id. */
    public String nextInstanceId() {
        byte[] bytes = new byte[16];
        random().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low).toString();
    }

    /** The random part of a task's id. */
    public UUID nextTaskRandom() {
        return UUID.fromString(nextInstanceId());
    }

    /** {@code count} random bytes: secrets (tokens, keys, salts) and account, project and user ids. */
    public byte[] nextBytes(int count) {
        byte[] bytes = new byte[count];
        random().nextBytes(bytes);
        return bytes;
    }

    private RandomGenerator random() {
        RandomGenerator current = random;
        if (current == null) {
            current = new SecureRandom();
            random = current;
        }
        return current;
    }
}

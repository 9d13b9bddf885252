package cloud.iotda.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.usecase.port.Conflict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final List<Long> pauses = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(8, 2, 16, pauses::add);

    @Test
    void retriesAConflictUntilTheAttemptSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = policy.run(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw new Conflict("lost");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(4, attempts.get());
        assertEquals(3, pauses.size(), "one pause between two attempts");
    }

    @Test
    void givesUpAfterMaxAttemptsAsAConcurrentChange() {
        AtomicInteger attempts = new AtomicInteger();
        Rejected rejected = assertThrows(Rejected.class, () -> policy.run(() -> {
            attempts.incrementAndGet();
            throw new Conflict("always");
        }));
        assertEquals(Reason.CONCURRENT_CHANGE, rejected.reason());
        assertEquals(8, attempts.get());
        assertEquals(7, pauses.size());
    }

    @Test
    void pausesAreJitteredWithinARangeThatDoublesUpToTheCap() {
        RetryPolicy many = new RetryPolicy(400, 2, 16, pauses::add);
        assertThrows(Rejected.class, () -> many.run(() -> {
            throw new Conflict("always");
        }));
        long[] ceilings = {2, 4, 8, 16, 16, 16};
        for (int i = 0; i < pauses.size(); i++) {
            long ceiling = ceilings[Math.min(i, ceilings.length - 1)];
            assertTrue(pauses.get(i) >= 0 && pauses.get(i) <= ceiling, "pause " + i + " was " + pauses.get(i));
        }
        assertTrue(pauses.stream().distinct().count() > 3, "the pauses vary: " + pauses);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> policy.run(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("not a conflict");
        }));
        assertEquals(1, attempts.get());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void standardPolicyLetsThirtyTwoWritersThroughAndPausesAtMostAboutTwoSeconds() {
        RetryPolicy standard = RetryPolicy.standard();
        assertTrue(standard.maxAttempts() >= 32, "at least one attempt per concurrent writer of the tests");
        long worst = 0;
        for (int attempt = 1; attempt < standard.maxAttempts(); attempt++) {
            worst += Math.min(32, 1L << Math.min(attempt - 1, 30));
        }
        assertTrue(worst <= 2_100, "worst-case pausing " + worst + " ms");
    }
}

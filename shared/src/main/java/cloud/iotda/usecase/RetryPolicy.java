package cloud.iotda.usecase;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.usecase.port.Conflict;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The one answer to a lost conditional write: read again and decide again, after a pause drawn at random from an
 * exponentially growing range (full jitter), so that writers that collided do not collide again. Bounded: after
 * {@code maxAttempts} the request is refused with CONCURRENT_CHANGE.
 */
public final class RetryPolicy {
    /** Pauses the current thread; a test can count or skip them. */
    @FunctionalInterface
    public interface Pause {
        void millis(long millis) throws InterruptedException;
    }

    private final int maxAttempts;
    private final long baseMillis;
    private final long capMillis;
    private final Pause pause;

    public RetryPolicy(int maxAttempts, long baseMillis, long capMillis, Pause pause) {
        if (maxAttempts < 1 || baseMillis < 1 || capMillis < baseMillis) {
            throw new IllegalArgumentException("maxAttempts >= 1 and 1 <= baseMillis <= capMillis");
        }
        this.maxAttempts = maxAttempts;
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.pause = pause;
    }

    /**
     * 64 attempts, pauses of up to 1, 2, 4 ... 32 ms: at most about 2 s of pausing, well inside a function's timeout,
     * and enough for 32 writers on one instance to all get through (the concurrency tests).
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(64, 1, 32, Thread::sleep);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Runs {@code attempt} until it does not end in a {@link Conflict}. */
    public <T> T run(Supplier<T> attempt) {
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (Conflict conflict) {
                if (attempts >= maxAttempts) {
                    throw Rejected.because(Reason.CONCURRENT_CHANGE);
                }
                pauseAfter(attempts);
            }
        }
    }

    private void pauseAfter(int attempts) {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempts - 1, 30));
        try {
            pause.millis(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Rejected.because(Reason.CONCURRENT_CHANGE);
        }
    }
}

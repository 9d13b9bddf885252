package cloud.iotda.usecase.port;

import java.time.Duration;

/**
 * The store could not answer now (throttled, failing, timed out or out of reach) after its client's own bounded
 * retries. A write that failed so was either not made or made whole, never in part; the caller may retry after
 * {@link #retryAfter()}.
 */
public final class Unavailable extends RuntimeException {
    private final Duration retryAfter;

    public Unavailable(String what, Duration retryAfter, Throwable cause) {
        super(what, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

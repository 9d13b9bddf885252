package cloud.iotda.domain.instance;

import cloud.iotda.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An instance's orders as its own row knows them: the unfinished order that holds it, if any, and the latest order
 * it took with the fingerprint of the request that placed it, so that a resent request gets the same answer.
 */
public record OrderState(OrderId unfinished, LastOrder last) {
    public static final OrderState NONE = new OrderState(null, null);

    /** How long an identical request is answered with the order it created instead of a new one. */
    public static final Duration RETRY_WINDOW = Duration.ofMinutes(10);

    /** The latest order an instance took, with the fingerprint of the request that placed it. */
    public record LastOrder(OrderId orderId, String fingerprint, Instant time) {
    }

    /** The order an identical request ({@code fingerprint}) placed within {@link #RETRY_WINDOW} of {@code now}. */
    public Optional<OrderId> orderOfRetry(String fingerprint, Instant now) {
        boolean retry = last != null && last.fingerprint().equals(fingerprint)
                && !now.isAfter(last.time().plus(RETRY_WINDOW));
        return retry ? Optional.of(last.orderId()) : Optional.empty();
    }

    /** No longer held by an unfinished order; the retry memo stays. */
    public OrderState released() {
        return new OrderState(null, last);
    }

    /** Not answering a retry with {@code ended}, an order that bought nothing (cancelled, failed, lapsed). */
    public OrderState withoutRetryOf(OrderId ended) {
        return last != null && last.orderId().equals(ended) ? new OrderState(unfinished, null) : this;
    }
}

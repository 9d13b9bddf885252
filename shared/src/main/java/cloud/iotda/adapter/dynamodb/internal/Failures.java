package cloud.iotda.adapter.dynamodb.internal;

import cloud.iotda.usecase.port.Conflict;
import cloud.iotda.usecase.port.Unavailable;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * DynamoDB's failures as the ports name them. A lost condition or a collision with another transaction is a
 * {@link Conflict} (read again and decide again); throttling, a 5xx, a timeout or an unreachable endpoint that
 * outlasted the SDK's retries is {@link Unavailable}, and so is any other refusal (a missing table, denied
 * access): the request cannot be served now, and the cause goes to the log for the operator.
 */
public final class Failures {
    /** Cancellation reasons that mean "someone else got there first": deciding again is the answer. */
    private static final Set<String> RACES = Set.of("ConditionalCheckFailed", "TransactionConflict", "None");
    private static final Duration AFTER_THROTTLING = Duration.ofSeconds(2);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    private Failures() {
    }

    /** Runs one DynamoDB call, translating its failure. */
    public static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException | TransactionConflictException e) {
            throw new Conflict(what + ": " + e.getClass().getSimpleName());
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .map(CancellationReason::code).allMatch(RACES::contains)) {
                throw new Conflict(what + ": " + e.cancellationReasons().stream().map(CancellationReason::code)
                        .toList());
            }
            throw new Unavailable(what + ": transaction cancelled", AFTER_THROTTLING, e);
        } catch (AwsServiceException e) {
            if (e.isThrottlingException()) {
                throw new Unavailable(what + ": throttled", AFTER_THROTTLING, e);
            }
            // A 5xx, and also a 4xx such as a missing table or denied access: the request cannot be served now,
            // and the cause is logged for the operator.
            String code = e.awsErrorDetails() == null ? "" : " " + e.awsErrorDetails().errorCode();
            throw new Unavailable(what + ": DynamoDB answered " + e.statusCode() + code, AFTER_FAILURE, e);
        } catch (SdkClientException e) {
            // Timeouts (apiCallTimeout, apiCallAttemptTimeout), refused or reset connections, unreadable answers.
            throw new Unavailable(what + ": " + e.getClass().getSimpleName(), AFTER_FAILURE, e);
        }
    }

    /** As {@link #call(String, Supplier)}, for a call without a result. */
    public static void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }
}

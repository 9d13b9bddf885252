package cloud.iotda.testing;

import java.util.Set;

/**
 * A failure DynamoDB can produce and DynamoDB Local does not, as it appears on the wire: the status and body
 * DynamoDB answers (error type names and body shape as DynamoDB's JSON protocol sends them), an answer that never
 * comes, a dropped connection, a refused one, or a write that was made but whose answer is lost.
 */
public enum DynamoDbFault {
    TRANSACTION_CONFLICT(400, "com.amazonaws.dynamodb.v20120810#TransactionConflictException", null, Scope.WRITES),
    CANCELLED_CONDITIONAL_CHECK(400, null, "ConditionalCheckFailed", Scope.TRANSACTIONS),
    CANCELLED_TRANSACTION_CONFLICT(400, null, "TransactionConflict", Scope.TRANSACTIONS),
    CANCELLED_THROTTLING(400, null, "ThrottlingError", Scope.TRANSACTIONS),
    CANCELLED_CAPACITY(400, null, "ProvisionedThroughputExceeded", Scope.TRANSACTIONS),
    CANCELLED_ITEM_COLLECTION(400, null, "ItemCollectionSizeLimitExceeded", Scope.TRANSACTIONS),
    CANCELLED_VALIDATION(400, null, "ValidationError", Scope.TRANSACTIONS),
    PROVISIONED_THROUGHPUT(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", null,
            Scope.ALL),
    THROTTLING(400, "com.amazon.coral.availability#ThrottlingException", null, Scope.ALL),
    REQUEST_LIMIT(400, "com.amazonaws.dynamodb.v20120810#RequestLimitExceeded", null, Scope.ALL),
    INTERNAL_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError", null, Scope.ALL),
    SERVICE_UNAVAILABLE(503, "com.amazon.coral.availability#ServiceUnavailableException", null, Scope.ALL),
    /** No answer: the read times out (the client's attempt timeout). */
    STALL(0, null, null, Scope.ALL),
    /** The connection closes before an answer. */
    DROPPED(0, null, null, Scope.ALL),
    /** Nothing listens (every attempt: the address itself is wrong). */
    REFUSED(0, null, null, Scope.ALL),
    /** The request reaches DynamoDB and is carried out; its answer is replaced by a 500. */
    ANSWER_LOST(500, "com.amazonaws.dynamodb.v20120810#InternalServerError", null, Scope.ALL);

    static final String CANCELLED_TYPE = "com.amazonaws.dynamodb.v20120810#TransactionCanceledException";

    /** Which calls can meet the fault. */
    public enum Scope {
        ALL, WRITES, TRANSACTIONS;

        public boolean covers(String operation) {
            return switch (this) {
                case ALL -> true;
                case WRITES -> WRITE_OPERATIONS.contains(operation);
                case TRANSACTIONS -> "TransactWriteItems".equals(operation);
            };
        }
    }

    private static final Set<String> WRITE_OPERATIONS =
            Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems");

    final int status;
    final String type;
    final String cancellationReason;
    public final Scope scope;

    DynamoDbFault(int status, String type, String cancellationReason, Scope scope) {
        this.status = status;
        this.type = cancellationReason != null ? CANCELLED_TYPE : type;
        this.cancellationReason = cancellationReason;
        this.scope = scope;
    }

    /** The call was sent on to DynamoDB (so a write may have been made) before the fault. */
    public boolean reachesDynamoDb() {
        return this == ANSWER_LOST;
    }

    /** The body DynamoDB sends with this error. */
    String body() {
        if (cancellationReason == null) {
            return "{\"__type\":\"" + type + "\",\"message\":\"injected " + name() + "\"}";
        }
        return "{\"__type\":\"" + type + "\",\"Message\":\"Transaction cancelled, please refer cancellation reasons "
                + "for specific reasons [" + cancellationReason + ", None]\",\"CancellationReasons\":[{\"Code\":\""
                + cancellationReason + "\",\"Message\":\"injected\"},{\"Code\":\"None\"}]}";
    }
}

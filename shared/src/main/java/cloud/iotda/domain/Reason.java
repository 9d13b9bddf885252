package cloud.iotda.domain;

/**
 * Why a request is refused. The edge maps each reason to an HTTP status, an {@code error_code} and a message; the
 * facts a {@link Rejected} carries fill that message in the order listed here.
 */
public enum Reason {
    /** facts: what is wrong, naming the field ({@code period_num must be 1..3 when period_type is year}). */
    INVALID_INPUT,
    /** facts: what makes the request unreadable (not JSON, a wrong media type). */
    MALFORMED_REQUEST,
    /** facts: the query parameter whose value is out of its documented range. */
    PARAMETER_OUT_OF_RANGE,
    /** facts: why the credentials prove nothing. */
    UNAUTHORIZED,
    /** facts: why the credentials do not grant the request. */
    FORBIDDEN,
    /** facts: instance id, project id. */
    INSTANCE_NOT_FOUND,
    /** facts: the instance's status. */
    INSTANCE_NOT_ACTIVE,
    /** facts: the unfinished order's id. */
    ORDER_IN_PROGRESS,
    /** facts: the flavor the instance already has. */
    FLAVOR_UNCHANGED,
    /** facts: the instance's edition, the target flavor's edition. */
    EDITION_MISMATCH,
    /** no facts. */
    NO_OPERATE_WINDOW,
    /** facts: the instance's charge mode. */
    ALREADY_PREPAID,
    /** facts: the flavor type, the billing mode it does not support. */
    FLAVOR_NOT_BILLABLE,
    /** no facts: the instance kept changing under the request. */
    CONCURRENT_CHANGE,
    /** facts: the order id. */
    ORDER_NOT_FOUND,
    /** facts: the order id: stored orders made before ids were unique across the table share it. */
    ORDER_AMBIGUOUS,
    /** facts: the order id, its status (or that its time to pay is over). */
    ORDER_NOT_PAYABLE,
    /** facts: the order id, its status. */
    ORDER_FINISHED,
    /** facts: the order id, its status: the billing center cancels only an order awaiting payment. */
    ORDER_NOT_CANCELLABLE,
    /** facts: the resource id: no instance of the customer's account has it. */
    RESOURCE_NOT_FOUND,
    /** facts: the order id, its amount, the account's balance: the balance cannot pay the order. */
    INSUFFICIENT_BALANCE,
    /** facts: the instance's charge mode: only a pay-per-use instance can be deleted. */
    INSTANCE_NOT_DELETABLE,
    /** facts: how many tags the instance would have, how many it may have. */
    TOO_MANY_TAGS,
    /** facts: the instance's edition: the change needs an enterprise instance. */
    UNSUPPORTED_BY_EDITION,
    /** facts: the flavor type that is sold out. */
    FLAVOR_SOLD_OUT,
    /** facts: the task id. */
    TASK_NOT_FOUND,
    /** facts: the task id, its status: only a FAILED task whose order failed can be retried. */
    TASK_NOT_RETRYABLE,
    /** facts: the subscription's expiry: in the grace period the instance works, but is not resized or rebilled. */
    SUBSCRIPTION_EXPIRED,
    /** facts: when the retention period ended: the instance is released and can no longer be renewed. */
    SUBSCRIPTION_ENDED,
    /** facts: the instance's charge mode: only a yearly/monthly instance has a subscription to renew. */
    NOT_SUBSCRIBED
}

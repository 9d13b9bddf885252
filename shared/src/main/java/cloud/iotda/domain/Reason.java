package cloud.iotda.domain;

/**
 * Why a request is refused. The edge maps each reason to an HTTP status, an {@code error_code} and a message; the
 * facts a {@link Rejected} carries fill that message in the order listed here.
 */
public enum Reason {
    /** facts: what is wrong, naming the field ({@code period_num must be 1..3 when period_type is year}). */
    INVALID_INPUT,
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
    /** facts: the flavor type. */
    FLAVOR_NOT_PREPAYABLE,
    /** no facts: the instance kept changing under the request. */
    CONCURRENT_CHANGE,
    /** facts: the order id. */
    ORDER_NOT_FOUND,
    /** facts: the order id, its status. */
    ORDER_NOT_PAYABLE,
    /** facts: the order id, its status. */
    ORDER_FINISHED
}

package cloud.iotda.edge;

import cloud.iotda.domain.Reason;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one error table: each refusal reason with its HTTP status, the {@code error_code} of the body and the message
 * its facts fill in. Codes below IOTDA.001000 are the platform's published ones (docs/api.md, "Error codes", names the
 * source of each); the 0600xx range is this service's own, used only where none is published.
 */
public enum ApiError {
    // Published IoTDA codes (the API reference's error code list); the message adds what exactly was wrong.
    UNAUTHORIZED(Reason.UNAUTHORIZED, 401, "IOTDA.000002", "Authentication failed: %s."),
    FORBIDDEN(Reason.FORBIDDEN, 403, "IOTDA.000004", "Invalid access token: %s."),
    INVALID_INPUT(Reason.INVALID_INPUT, 400, "IOTDA.000006", "Invalid input data: %s."),
    MALFORMED_REQUEST(Reason.MALFORMED_REQUEST, 400, "IOTDA.000008",
            "Invalid input. Bad request, for more detail, refer to the error message: %s."),
    PARAMETER_OUT_OF_RANGE(Reason.PARAMETER_OUT_OF_RANGE, 400, "IOTDA.000017",
            "Invalid input. The specified parameter '%s' is out of range."),
    UNSUPPORTED_BY_EDITION(Reason.UNSUPPORTED_BY_EDITION, 400, "IOTDA.000006",
            "Invalid input data: access_info and forwarding_info are for enterprise edition instances only, "
                    + "and this instance is %s edition."),
    // This service's own codes: none is published for these cases.
    INSTANCE_NOT_FOUND(Reason.INSTANCE_NOT_FOUND, 404, "IOTDA.060000", "The instance %s does not exist in project %s."),
    INSTANCE_NOT_ACTIVE(Reason.INSTANCE_NOT_ACTIVE, 400, "IOTDA.060001",
            "The instance is %s; it must be ACTIVE to be changed."),
    ORDER_IN_PROGRESS(Reason.ORDER_IN_PROGRESS, 400, "IOTDA.060002",
            "The instance has an unfinished order %s; wait until it finishes."),
    FLAVOR_UNCHANGED(Reason.FLAVOR_UNCHANGED, 400, "IOTDA.060003",
            "The instance already has flavor %s; the target must differ."),
    EDITION_MISMATCH(Reason.EDITION_MISMATCH, 400, "IOTDA.060004",
            "Cannot resize from the %s edition to the %s edition."),
    NO_OPERATE_WINDOW(Reason.NO_OPERATE_WINDOW, 400, "IOTDA.060005",
            "delay=true requires the instance to have an operate_window; set one first."),
    ALREADY_PREPAID(Reason.ALREADY_PREPAID, 400, "IOTDA.060006",
            "The instance is billed %s; only postPaid can change to prePaid."),
    FLAVOR_NOT_BILLABLE(Reason.FLAVOR_NOT_BILLABLE, 400, "IOTDA.060007", "Flavor %s cannot be billed %s."),
    CONCURRENT_CHANGE(Reason.CONCURRENT_CHANGE, 409, "IOTDA.060008",
            "The instance is being changed by another request; retry later."),
    ORDER_NOT_FOUND(Reason.ORDER_NOT_FOUND, 404, "IOTDA.060009", "The order %s does not exist."),
    ORDER_AMBIGUOUS(Reason.ORDER_AMBIGUOUS, 409, "IOTDA.060020",
            "The order id %s names more than one stored order; it is refused rather than guessed."),
    ORDER_NOT_PAYABLE(Reason.ORDER_NOT_PAYABLE, 400, "IOTDA.060010",
            "The order %s is %s; only an order awaiting payment can be paid."),
    ORDER_FINISHED(Reason.ORDER_FINISHED, 400, "IOTDA.060011",
            "The order %s is %s; only an unfinished order can be cancelled."),
    ORDER_NOT_CANCELLABLE(Reason.ORDER_NOT_CANCELLABLE, 400, "IOTDA.060021",
            "The order %s is %s; the billing center cancels only an order awaiting payment."),
    RESOURCE_NOT_FOUND(Reason.RESOURCE_NOT_FOUND, 404, "IOTDA.060022",
            "The resource %s is no instance of this customer's account."),
    INSUFFICIENT_BALANCE(Reason.INSUFFICIENT_BALANCE, 400, "IOTDA.060023",
            "The order %s costs %s; the account's balance is %s."),
    INSTANCE_NOT_DELETABLE(Reason.INSTANCE_NOT_DELETABLE, 400, "IOTDA.060012",
            "The instance is billed %s; only a pay-per-use instance can be deleted (unsubscribe a yearly/monthly "
                    + "one instead)."),
    TOO_MANY_TAGS(Reason.TOO_MANY_TAGS, 400, "IOTDA.060013",
            "The instance would have %s tags; at most %s are allowed."),
    FLAVOR_SOLD_OUT(Reason.FLAVOR_SOLD_OUT, 400, "IOTDA.060014",
            "Flavor %s is sold out; choose another flavor (ListInstanceFlavors shows what is on sale)."),
    TASK_NOT_FOUND(Reason.TASK_NOT_FOUND, 404, "IOTDA.060015", "The task %s does not exist."),
    TASK_NOT_RETRYABLE(Reason.TASK_NOT_RETRYABLE, 400, "IOTDA.060016",
            "The task %s is %s; only a FAILED task can be retried."),
    SUBSCRIPTION_EXPIRED(Reason.SUBSCRIPTION_EXPIRED, 400, "IOTDA.060017",
            "The instance's yearly/monthly subscription expired at %s; in the grace period it still works but is "
                    + "not resized or rebilled: renew it first."),
    SUBSCRIPTION_ENDED(Reason.SUBSCRIPTION_ENDED, 400, "IOTDA.060018",
            "The instance's retention period ended at %s; it is released and can no longer be renewed."),
    NOT_SUBSCRIBED(Reason.NOT_SUBSCRIBED, 400, "IOTDA.060019",
            "The instance is billed %s; only a yearly/monthly instance has a subscription to renew."),
    UNAVAILABLE(null, 503, "IOTDA.060503",
            "The service is temporarily unavailable; nothing was changed in part. Retry after %s seconds."),
    INTERNAL(null, 500, "IOTDA.060500", "Internal server error; quote the X-Request-Id when reporting it.");

    private static final Map<Reason, ApiError> BY_REASON = new EnumMap<>(Reason.class);

    static {
        for (ApiError error : values()) {
            if (error.reason != null) {
                BY_REASON.put(error.reason, error);
            }
        }
        for (Reason reason : Reason.values()) {
            if (!BY_REASON.containsKey(reason)) {
                throw new ExceptionInInitializerError("no error table entry for " + reason);
            }
        }
    }

    private final Reason reason;
    private final int status;
    private final String code;
    private final String template;

    ApiError(Reason reason, int status, String code, String template) {
        this.reason = reason;
        this.status = status;
        this.code = code;
        this.template = template;
    }

    public static ApiError of(Reason reason) {
        return BY_REASON.get(reason);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String message(List<Object> facts) {
        return String.format(template, facts.toArray());
    }
}

package cloud.iotda.api;

/**
 * Every error the API can answer with: HTTP status, the {@code error_code} of the body and a message template.
 * Codes below IOTDA.001000 are the platform's published ones; the 0600xx range is this service's own.
 */
public enum ErrorCode {
    UNAUTHORIZED(401, "IOTDA.000002", "The request is unauthorized: %s."),
    FORBIDDEN(403, "IOTDA.000004", "Operation not allowed: %s."),
    INVALID_INPUT(400, "IOTDA.000006", "Invalid input data: %s."),
    INSTANCE_NOT_FOUND(404, "IOTDA.060000", "The instance %s does not exist in project %s."),
    INSTANCE_NOT_ACTIVE(400, "IOTDA.060001", "The instance is %s; it must be ACTIVE to be changed."),
    ORDER_IN_PROGRESS(400, "IOTDA.060002", "The instance has an unfinished order %s; wait until it finishes."),
    FLAVOR_UNCHANGED(400, "IOTDA.060003", "The instance already has flavor %s; the target must differ."),
    EDITION_MISMATCH(400, "IOTDA.060004", "Cannot resize from the %s edition to the %s edition."),
    NO_OPERATE_WINDOW(400, "IOTDA.060005", "delay=true requires the instance to have an operate_window; set one first."),
    ALREADY_PREPAID(400, "IOTDA.060006", "The instance is billed %s; only postPaid can change to prePaid."),
    FLAVOR_NOT_PREPAYABLE(400, "IOTDA.060007", "Flavor %s does not support yearly/monthly billing."),
    CONCURRENT_CHANGE(409, "IOTDA.060008", "The instance is being changed by another request; retry later."),
    ORDER_NOT_FOUND(404, "IOTDA.060009", "The order %s does not exist."),
    ORDER_NOT_PAYABLE(400, "IOTDA.060010", "The order %s is %s; only an order awaiting payment can be paid."),
    ORDER_FINISHED(400, "IOTDA.060011", "The order %s is %s; only an unfinished order can be cancelled."),
    INTERNAL(500, "IOTDA.000500", "Internal server error; quote the X-Request-Id when reporting it.");

    private final int status;
    private final String code;
    private final String template;

    ErrorCode(int status, String code, String template) {
        this.status = status;
        this.code = code;
        this.template = template;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String template() {
        return template;
    }

    public ApiException exception(Object... args) {
        return new ApiException(this, String.format(template, args));
    }
}

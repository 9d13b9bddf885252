package cloud.iotda.api;

/** The one failure a request can end in on purpose; its message is safe to show to the caller. */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ApiException invalid(String detail) {
        return ErrorCode.INVALID_INPUT.exception(detail);
    }
}

package cloud.iotda.edge;

import java.util.Map;

/** Status, JSON body (or none) and any headers of its own; the gateway adds the headers every response carries. */
public record ApiResponse(int status, String body, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public ApiResponse(int status, String body) {
        this(status, body, Map.of());
    }

    public static ApiResponse ok(String body) {
        return new ApiResponse(200, body);
    }
}

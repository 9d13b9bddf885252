package cloud.iotda.edge;

/** Status and JSON body; the gateway adds the headers every response carries. */
public record ApiResponse(int status, String body) {

    public static ApiResponse ok(String body) {
        return new ApiResponse(200, body);
    }
}

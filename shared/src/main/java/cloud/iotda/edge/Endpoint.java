package cloud.iotda.edge;

/** One operation of the API: a request in, a response out; a refusal is thrown as a {@code Rejected}. */
@FunctionalInterface
public interface Endpoint {
    ApiResponse handle(ApiRequest request);
}

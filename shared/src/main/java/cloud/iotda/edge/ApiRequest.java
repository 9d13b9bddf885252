package cloud.iotda.edge;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A request as the service sees it, whatever carried it (API Gateway, the local API). Headers are case-insensitive. */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        Map<String, String> headers,
        byte[] body) {

    public ApiRequest {
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Map.copyOf(queryParameters);
        TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        folded.putAll(headers);
        headers = Collections.unmodifiableMap(folded);
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }
}

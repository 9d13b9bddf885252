package cloud.iotda.edge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as the service sees it, whatever carried it (API Gateway, the local API): every value of a repeated query
 * key or header, as the client sent them. Header names are case-insensitive.
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, List<String>> queryValues,
        Map<String, List<String>> headerValues,
        byte[] body) {

    public ApiRequest {
        pathParameters = Map.copyOf(pathParameters);
        Map<String, List<String>> query = new LinkedHashMap<>();
        queryValues.forEach((name, values) -> query.put(name, List.copyOf(values)));
        queryValues = Collections.unmodifiableMap(query);
        TreeMap<String, List<String>> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headerValues.forEach((name, values) -> folded.merge(name, List.copyOf(values), (first, more) -> {
            List<String> all = new ArrayList<>(first);
            all.addAll(more);
            return List.copyOf(all);
        }));
        headerValues = Collections.unmodifiableMap(folded);
        body = body == null ? new byte[0] : body;
    }

    /** A request whose query keys and headers each have one value (tests, the priming request). */
    public static ApiRequest of(String method, String path, Map<String, String> pathParameters,
                                Map<String, String> queryParameters, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        queryParameters.forEach((name, value) -> query.put(name, List.of(value)));
        Map<String, List<String>> headerValues = new LinkedHashMap<>();
        headers.forEach((name, value) -> headerValues.put(name, List.of(value)));
        return new ApiRequest(method, path, pathParameters, query, headerValues, body);
    }

    /**
     * A header's value: the first, when it was sent more than once, which is what the official SDKs' signers sign of
     * a repeated header.
     */
    public String header(String name) {
        List<String> values = headerValues.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** The query as API Gateway's {@code queryStringParameters} gives it: the last value of a repeated key. */
    public Map<String, String> queryParameters() {
        Map<String, String> last = new LinkedHashMap<>();
        queryValues.forEach((name, values) -> {
            if (!values.isEmpty()) {
                last.put(name, values.get(values.size() - 1));
            }
        });
        return last;
    }
}

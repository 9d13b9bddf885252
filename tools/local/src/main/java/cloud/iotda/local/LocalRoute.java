package cloud.iotda.local;

import cloud.iotda.template.Template;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One route of template.yaml and the handler instance that serves it (one instance per function, as in Lambda). */
record LocalRoute(String method, String path, String[] segments,
                  RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {

    record Match(LocalRoute route, Map<String, String> pathParameters) {
    }

    @SuppressWarnings("unchecked")
    static List<LocalRoute> fromTemplate(Template template) throws ReflectiveOperationException {
        List<LocalRoute> routes = new ArrayList<>();
        for (Template.Function function : template.functions().values()) {
            if (function.events().isEmpty()) {
                continue;
            }
            String className = function.handler().split("::")[0];
            var handler = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                    Class.forName(className).getConstructor().newInstance();
            for (Template.ApiEvent event : function.events()) {
                routes.add(new LocalRoute(event.method(), event.path(), split(event.path()), handler));
            }
        }
        return routes;
    }

    static Match match(List<LocalRoute> routes, String method, String rawPath) {
        String[] parts = split(rawPath);
        for (LocalRoute route : routes) {
            if (!route.method().equalsIgnoreCase(method) || route.segments().length != parts.length) {
                continue;
            }
            Map<String, String> parameters = new HashMap<>();
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                String pattern = route.segments()[i];
                String value = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
                if (pattern.startsWith("{") && pattern.endsWith("}")) {
                    matches = !value.isEmpty();
                    parameters.put(pattern.substring(1, pattern.length() - 1), value);
                } else {
                    matches = pattern.equals(value);
                }
            }
            if (matches) {
                return new Match(route, parameters);
            }
        }
        return null;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}

package cloud.iotda.local;

import cloud.iotda.Service;
import cloud.iotda.template.Template;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One route of template.yaml and the handler instance that serves it (one instance per function, as in Lambda). */
record LocalRoute(String method, String path, String[] segments, RequestStreamHandler handler) {

    record Match(LocalRoute route, Map<String, String> pathParameters) {
    }

    /**
     * Each function of the template with a service of its own from {@code services} (its own credential cache, as
     * each function has in Lambda), on the local world's clock.
     */
    static List<LocalRoute> fromTemplate(Template template, Supplier<Service> services)
            throws ReflectiveOperationException {
        List<LocalRoute> routes = new ArrayList<>();
        for (Template.Function function : template.functions().values()) {
            if (function.events().isEmpty()) {
                continue;
            }
            String className = function.handler().split("::")[0];
            RequestStreamHandler handler = handler(Class.forName(className), services);
            for (Template.ApiEvent event : function.events()) {
                routes.add(new LocalRoute(event.method(), event.path(), split(event.path()), handler));
            }
        }
        return routes;
    }

    /**
     * The route API Gateway would pick for the request: among those that match, the most specific one (a literal
     * segment beats a path parameter at the first place they differ), whatever their order in the template, so
     * that {@code .../iotda-instances/flavors} is never read as an {@code {instance_id}} when a route names it.
     */
    static Match match(List<LocalRoute> routes, String method, String rawPath) {
        String[] parts = split(rawPath);
        Match best = null;
        for (LocalRoute route : routes) {
            if (!route.method().equalsIgnoreCase(method) || route.segments().length != parts.length) {
                continue;
            }
            Map<String, String> parameters = parameters(route.segments(), parts);
            if (parameters != null && (best == null || moreSpecific(route, best.route()))) {
                best = new Match(route, parameters);
            }
        }
        return best;
    }

    private static Map<String, String> parameters(String[] segments, String[] parts) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String pattern = segments[i];
            String value = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
            if (isParameter(pattern)) {
                if (value.isEmpty()) {
                    return null;
                }
                parameters.put(pattern.substring(1, pattern.length() - 1), value);
            } else if (!pattern.equals(value)) {
                return null;
            }
        }
        return parameters;
    }

    private static boolean moreSpecific(LocalRoute candidate, LocalRoute current) {
        for (int i = 0; i < candidate.segments().length; i++) {
            boolean candidateLiteral = !isParameter(candidate.segments()[i]);
            boolean currentLiteral = !isParameter(current.segments()[i]);
            if (candidateLiteral != currentLiteral) {
                return candidateLiteral;
            }
        }
        return false;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }

    /**
     * The function as the local world runs it: given a service of its own when it takes one (the service's), else as
     * Lambda builds it (no-argument constructor).
     */
    static RequestStreamHandler handler(Class<?> type, Supplier<Service> services) throws ReflectiveOperationException {
        try {
            return (RequestStreamHandler) type.getConstructor(Service.class).newInstance(services.get());
        } catch (NoSuchMethodException noServiceConstructor) {
            return (RequestStreamHandler) type.getConstructor().newInstance();
        }
    }
}

package cloud.iotda.tests;

import cloud.iotda.Service;
import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/** Finds the function that template.yaml routes an event to, and builds its handler on a test world. */
final class Handlers {
    private static final Template TEMPLATE = Template.load(RepoFiles.template());
    private Handlers() {
    }

    static Template.Function functionFor(String method, String resource) {
        return TEMPLATE.functions().values().stream()
                .filter(f -> f.events().contains(new Template.ApiEvent(method, resource)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "template.yaml routes no function for " + method + " " + resource));
    }

    static Class<?> handlerClass(Template.Function function) throws ClassNotFoundException {
        String handler = function.handler();
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        return Class.forName(className);
    }

    @SuppressWarnings("unchecked")
    static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> create(
            APIGatewayProxyRequestEvent event, Service service) throws ReflectiveOperationException {
        Class<?> type = handlerClass(functionFor(event.getHttpMethod(), event.getResource()));
        return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                type.getConstructor(Service.class).newInstance(service);
    }
}

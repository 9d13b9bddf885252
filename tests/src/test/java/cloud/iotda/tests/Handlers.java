package cloud.iotda.tests;

import cloud.iotda.Service;
import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Finds the function that template.yaml routes an event to, and runs its handler on a test world, JSON in and out. */
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

    /** What the function's handler, built on {@code service}, writes for the event {@code json}, as Lambda runs it. */
    static String invoke(Template.Function function, Service service, String json) throws Exception {
        RequestStreamHandler handler = (RequestStreamHandler) handlerClass(function).getConstructor(Service.class)
                .newInstance(service);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), output, null);
        return output.toString(StandardCharsets.UTF_8);
    }
}

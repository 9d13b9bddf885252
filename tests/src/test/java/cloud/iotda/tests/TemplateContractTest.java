package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.InstanceApi;
import cloud.iotda.api.Operation;
import cloud.iotda.api.Route;
import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** template.yaml and the code must agree: handler classes and signatures, and the routes each function answers. */
class TemplateContractTest {
    private final Template template = Template.load(RepoFiles.template());

    @Test
    void everyFunctionIsEitherRoutedOrScheduled() {
        for (Template.Function function : template.functions().values()) {
            assertTrue(function.events().isEmpty() != function.schedules().isEmpty(), function.logicalId());
        }
    }

    @Test
    void scheduledFunctionsTakeAScheduledEvent() throws Exception {
        for (Template.Function function : template.functions().values()) {
            if (function.schedules().isEmpty()) {
                continue;
            }
            Class<?> type = Handlers.handlerClass(function);
            assertEquals(ScheduledEvent.class, handlerTypeArguments(type)[0]);
            type.getConstructor();
            type.getConstructor(InstanceApi.class);
            assertTrue(function.schedules().stream().allMatch(s -> s.matches("rate\\(\\d+ minutes?\\)")), function.schedules().toString());
        }
    }

    private static Type[] handlerTypeArguments(Class<?> type) {
        Type handlerInterface = Arrays.stream(type.getGenericInterfaces())
                .filter(i -> i instanceof ParameterizedType p && p.getRawType() == RequestHandler.class)
                .findFirst().orElseThrow();
        return ((ParameterizedType) handlerInterface).getActualTypeArguments();
    }

    @Test
    void everyHandlerNamesAProxyEventHandlerClass() throws Exception {
        for (Template.Function function : template.functions().values()) {
            if (function.events().isEmpty()) {
                continue;
            }
            Class<?> type = Handlers.handlerClass(function);
            assertTrue(function.handler().endsWith("::handleRequest"), function.handler());
            assertTrue(RequestHandler.class.isAssignableFrom(type), type + " is a RequestHandler");
            Type handlerInterface = Arrays.stream(type.getGenericInterfaces())
                    .filter(i -> i instanceof ParameterizedType p && p.getRawType() == RequestHandler.class)
                    .findFirst().orElseThrow();
            Type[] arguments = ((ParameterizedType) handlerInterface).getActualTypeArguments();
            assertEquals(APIGatewayProxyRequestEvent.class, arguments[0]);
            assertEquals(APIGatewayProxyResponseEvent.class, arguments[1]);
            assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()), "Lambda needs a public no-arg constructor");
            type.getConstructor(InstanceApi.class);
            type.getMethod("handleRequest", APIGatewayProxyRequestEvent.class, Context.class);
        }
    }

    @Test
    void eachFunctionIsRoutedExactlyTheRoutesOfItsOperation() throws Exception {
        for (Template.Function function : template.functions().values()) {
            if (function.events().isEmpty()) {
                continue;
            }
            Operation operation = (Operation) Handlers.handlerClass(function).getField("OPERATION").get(null);
            assertEquals(routesOf(operation.routes()), eventsOf(function.events()), function.logicalId());
        }
    }

    @Test
    void templateRoutesEveryOperationOnce() {
        List<Template.ApiEvent> routed = template.functions().values().stream()
                .flatMap(f -> f.events().stream()).toList();
        Set<String> expected = Arrays.stream(Operation.values())
                .flatMap(o -> o.routes().stream()).map(Route::toString).collect(Collectors.toSet());
        assertEquals(expected, eventsOf(routed));
        assertEquals(routed.size(), new HashSet<>(routed).size(), "no route is defined twice");
    }

    @Test
    void policiesNameOnlyTheTableAndItsIndexesAndNoWildcard() {
        for (Template.Function function : template.functions().values()) {
            JsonNode policies = template.resource(function.logicalId()).path("Properties").path("Policies");
            assertTrue(policies.size() > 0, function.logicalId() + " has a policy");
            for (JsonNode policy : policies) {
                for (JsonNode statement : policy.path("Statement")) {
                    for (JsonNode action : statement.path("Action")) {
                        assertTrue(action.asText().matches("dynamodb:[A-Z][A-Za-z]+"), function.logicalId() + ": " + action);
                    }
                    for (JsonNode resource : statement.path("Resource")) {
                        String text = resource.toString();
                        assertFalse(text.contains("*"), function.logicalId() + ": " + text);
                        assertTrue(text.contains("OrdersTable"), function.logicalId() + ": " + text);
                    }
                }
            }
        }
    }

    private static Set<String> routesOf(List<Route> routes) {
        return routes.stream().map(Route::toString).collect(Collectors.toSet());
    }

    private static Set<String> eventsOf(List<Template.ApiEvent> events) {
        return events.stream().map(e -> e.method() + " " + e.path()).collect(Collectors.toSet());
    }
}

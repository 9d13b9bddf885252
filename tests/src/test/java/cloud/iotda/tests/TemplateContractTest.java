package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.Service;
import cloud.iotda.Settings;
import cloud.iotda.adapter.dynamodb.DynamoDbClients;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.edge.Operation;
import cloud.iotda.edge.Route;
import cloud.iotda.functions.ApiHandler;
import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.testing.TestWorld;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Modifier;
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
    void aStalledDynamoDbCallEndsWellInsideTheFunctionTimeout() {
        long seconds = Template.load(RepoFiles.template()).globalFunctionTimeoutSeconds();
        // A request makes one call that may stall for the whole call timeout, and a few quick ones.
        assertTrue(DynamoDbClients.CALL_TIMEOUT.multipliedBy(2).toSeconds() < seconds,
                DynamoDbClients.CALL_TIMEOUT + " per call against a " + seconds + " s function timeout");
        assertTrue(DynamoDbClients.ATTEMPT_TIMEOUT.compareTo(DynamoDbClients.CALL_TIMEOUT) < 0);
    }

    @Test
    void everyFunctionIsEitherRoutedOrScheduled() {
        for (Template.Function function : template.functions().values()) {
            assertTrue(function.events().isEmpty() != function.schedules().isEmpty(), function.logicalId());
        }
    }

    @Test
    void scheduledFunctionsAreStreamHandlersRunOnAMinuteRate() throws Exception {
        for (Template.Function function : template.functions().values()) {
            if (function.schedules().isEmpty()) {
                continue;
            }
            Class<?> type = Handlers.handlerClass(function);
            assertTrue(RequestStreamHandler.class.isAssignableFrom(type), type + " is a RequestStreamHandler");
            type.getConstructor();
            type.getConstructor(Service.class);
            assertTrue(function.schedules().stream().allMatch(s -> s.matches("rate\\(\\d+ minutes?\\)")),
                    function.schedules().toString());
        }
    }

    @Test
    void everyRoutedHandlerIsAnApiHandlerOfTheProxyEvent() throws Exception {
        for (Template.Function function : template.functions().values()) {
            if (function.events().isEmpty()) {
                continue;
            }
            Class<?> type = Handlers.handlerClass(function);
            assertTrue(function.handler().endsWith("::handleRequest"), function.handler());
            // The proxy event as JSON in and out, read by the edge straight into its own request (ApiGateway).
            assertTrue(ApiHandler.class.isAssignableFrom(type), type + " is an ApiHandler");
            assertTrue(RequestStreamHandler.class.isAssignableFrom(type), type + " is a RequestStreamHandler");
            assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()),
                    "Lambda needs a public no-arg constructor");
            type.getConstructor(Service.class);
            type.getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class);
        }
    }

    @Test
    void eachFunctionIsRoutedExactlyTheRoutesOfItsOperation() throws Exception {
        for (Template.Function function : template.functions().values()) {
            if (function.events().isEmpty()) {
                continue;
            }
            Operation operation = ((ApiHandler) Handlers.handlerClass(function).getConstructor(Service.class)
                    .newInstance(TestWorld.inMemory().service)).operation();
            assertEquals(routesOf(operation.routes()), eventsOf(function.events()), function.logicalId());
        }
    }

    @Test
    void eachOperationHasItsOwnFunction() throws Exception {
        Set<Operation> seen = new HashSet<>();
        for (Template.Function function : template.functions().values()) {
            if (!function.events().isEmpty()) {
                Operation operation = ((ApiHandler) Handlers.handlerClass(function).getConstructor(Service.class)
                        .newInstance(TestWorld.inMemory().service)).operation();
                assertTrue(seen.add(operation), operation + " is answered by two functions");
            }
        }
        assertEquals(Set.of(Operation.values()), seen);
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
                        assertTrue(action.asText().matches("dynamodb:[A-Z][A-Za-z]+"),
                                function.logicalId() + ": " + action);
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

    @Test
    void theTemplatesSettingsAreTheServicesDefaults() {
        // One source of truth: what a function falls back to when a setting is unset is what the template sets.
        assertEquals(Settings.DEFAULT_AUTH_CACHE_TTL_SECONDS,
                template.parameter("AuthCacheTtlSeconds").path("Default").asLong());
        assertEquals("AuthCacheTtlSeconds",
                template.environment("ShowInstanceFunction").get(Settings.AUTH_CACHE_TTL_ENV).path("Ref").asText());
        assertEquals(Lapse.STANDARD.grace().toDays(), template.parameter("GracePeriodDays").path("Default").asLong());
        assertEquals(Lapse.STANDARD.retention().toDays(),
                template.parameter("RetentionPeriodDays").path("Default").asLong());
        assertEquals("GracePeriodDays",
                template.environment("OrderProcessorFunction").get(Settings.GRACE_PERIOD_ENV).path("Ref").asText());
        assertEquals("RetentionPeriodDays",
                template.environment("ShowInstanceFunction").get(Settings.RETENTION_PERIOD_ENV).path("Ref").asText());
        assertEquals(Long.toString(Settings.DEFAULT_PROCESSOR_PARALLELISM),
                template.environment("OrderProcessorFunction").get(Settings.PROCESSOR_PARALLELISM_ENV).asText());
    }
}

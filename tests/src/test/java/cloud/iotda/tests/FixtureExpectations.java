package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.testing.TestWorld;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What each events/ fixture must get back, however it is invoked (handler in this JVM, or packaged under the RIC). */
final class FixtureExpectations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FixtureExpectations() {
    }

    /** What each fixture must get back: status, error code (null for 200) and a part of the message. */
    record Expected(int status, String errorCode, String messagePart) {
        static Expected ok() {
            return new Expected(200, null, null);
        }
    }

    static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("show-instance.json", Expected.ok()),
            Map.entry("update-instance.json", Expected.ok()),
            Map.entry("update-instance-short-window.json",
                    new Expected(400, "IOTDA.000006", "operate_window must be at least 1 hour long")),
            Map.entry("list-orders.json", Expected.ok()),
            Map.entry("show-order-unknown.json", new Expected(404, "IOTDA.060009", "does not exist")),
            Map.entry("resize.json", Expected.ok()),
            Map.entry("resize-enterprise.json", Expected.ok()),
            Map.entry("resize-delayed.json", Expected.ok()),
            Map.entry("resize-prepaid-awaits-payment.json", Expected.ok()),
            Map.entry("resize-missing-flavor-type.json", new Expected(400, "IOTDA.000006", "flavor.type is required")),
            Map.entry("resize-cross-edition.json",
                    new Expected(400, "IOTDA.060004", "standard edition to the enterprise")),
            Map.entry("resize-delay-as-string.json", new Expected(400, "IOTDA.000006", "delay must be a boolean")),
            Map.entry("resize-unknown-instance.json", new Expected(404, "IOTDA.060000", "does not exist")),
            Map.entry("resize-no-token.json", new Expected(401, "IOTDA.000002", "no credentials")),
            Map.entry("resize-other-project-token.json", new Expected(403, "IOTDA.000004", "do not grant access")),
            Map.entry("change-charge-mode.json", Expected.ok()),
            Map.entry("change-charge-mode-put.json", Expected.ok()),
            Map.entry("change-charge-mode-period-num-4-year.json",
                    new Expected(400, "IOTDA.000006", "period_num must be 1..3 when period_type is year")),
            Map.entry("change-charge-mode-s0.json", new Expected(400, "IOTDA.060007", "iotda.standard.s0")),
            Map.entry("change-charge-mode-already-prepaid.json", new Expected(400, "IOTDA.060006", "prePaid")));

    /** Scheduled-event fixtures (EventBridge) and what the function they reach must answer. */
    static final Map<String, String> SCHEDULED = Map.of("order-processor.json", "OrderProcessorFunction");

    /** The processor's report on a seeded world: nothing is due there, so it executed and cancelled nothing. */
    static void assertProcessorReport(String report) throws Exception {
        JsonNode body = JSON.readTree(report);
        for (String count : new String[] {"executed", "deferred", "expired", "skipped", "failed"}) {
            assertEquals(0, body.get(count).asInt(), report);
        }
    }

    static void assertAnswer(String file, APIGatewayProxyRequestEvent event, int status, Map<String, String> headers,
                             String responseBody, TestWorld world, List<?> itemsBefore) throws Exception {
        Expected expected = EXPECTED.get(file);
        assertEquals(expected.status(), status, responseBody);
        assertEquals(event.getRequestContext().getRequestId(), headers.get("X-Request-Id"));
        assertEquals("application/json", headers.get("Content-Type"));
        JsonNode body = JSON.readTree(responseBody);
        if (expected.status() == 200 && event.getResource().endsWith("/orders")) {
            assertTrue(body.get("orders").isArray(), body.toString());
            assertTrue(body.has("marker"), body.toString());
        } else if (expected.status() == 200 && "PUT".equals(event.getHttpMethod())
                && event.getResource().endsWith("{instance_id}")) {
            assertEquals("01:00", body.get("operate_window").get("start_time").asText());
            String instanceId = event.getPathParameters().get("instance_id");
            assertEquals("01:00", world.instance(instanceId).operateWindow().start().toString());
        } else if (expected.status() == 200 && "GET".equals(event.getHttpMethod())) {
            assertEquals(event.getPathParameters().get("instance_id"), body.get("instance_id").asText());
            assertEquals("iotda.standard.s1", body.get("flavor").get("type").asText());
            assertEquals("02:00", body.get("operate_window").get("start_time").asText());
            assertTrue(body.get("update_time").asText().matches("\\d{8}T\\d{6}Z"), body.toString());
        } else if (expected.status() == 200) {
            String orderId = body.get("order_id").asText();
            assertTrue(orderId.matches("CS\\d{12}[A-Z0-9]{5}"), orderId);
            String instanceId = event.getPathParameters().get("instance_id");
            assertTrue(world.ordersOf(instanceId).stream()
                    .anyMatch(order -> order.orderId().value().equals(orderId)), "the order record exists");
        } else {
            Set<String> fields = new TreeSet<>();
            body.fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("error_code", "error_msg"), fields);
            assertEquals(expected.errorCode(), body.get("error_code").asText());
            String message = body.get("error_msg").asText();
            assertTrue(message.contains(expected.messagePart()), message);
            assertFalse(message.contains("Exception") || message.contains("cloud.iotda"), message);
            assertEquals(itemsBefore, world.allItems(), "a rejected request writes nothing");
        }
    }
}

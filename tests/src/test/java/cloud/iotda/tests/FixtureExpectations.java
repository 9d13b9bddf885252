package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.OrderType;
import cloud.iotda.testing.FixtureAnswers;
import cloud.iotda.testing.FixtureAnswers.Expected;
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
    private static final String ISO_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    private FixtureExpectations() {
    }

    static final Map<String, Expected> EXPECTED = FixtureAnswers.EXPECTED;

    /** Scheduled-event fixtures (EventBridge) and what the function they reach must answer. */
    static final Map<String, String> SCHEDULED = FixtureAnswers.SCHEDULED;

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
        if (status == 204) {
            assertTrue(responseBody == null || responseBody.isEmpty(), "204 carries no body: " + responseBody);
        }
        if (responseBody != null && !responseBody.isEmpty()) {
            assertEquals("application/json", headers.get("Content-Type"));
        }
        if (expected.errorCode() != null) {
            assertError(expected, JSON.readTree(responseBody), world, itemsBefore);
            return;
        }
        String instanceId = event.getPathParameters() == null ? null : event.getPathParameters().get("instance_id");
        JsonNode body = responseBody == null || responseBody.isEmpty() ? null : JSON.readTree(responseBody);
        switch (event.getHttpMethod() + " " + event.getResource().replaceFirst(".*/iotda-instances", "")) {
            case "GET " -> {
                assertEquals(2, body.get("instances").size(), body.toString());
                assertTrue(body.get("count").asInt() >= 5, body.toString());
                assertTrue(body.get("marker").asText().matches("[0-9a-f]{24}"), body.toString());
            }
            case "GET /flavors" -> {
                assertEquals(2, body.get("flavors").size(), body.toString());
                assertTrue(body.get("page").get("count").asInt() >= 4, body.toString());
                JsonNode first = body.get("flavors").get(0);
                assertEquals("enterprise", first.get("instance_type").asText(), body.toString());
                assertEquals("normal", first.get("status").asText(), body.toString());
                assertEquals(body.get("flavors").get(1).get("type").asText(),
                        body.get("page").get("marker").asText(), "the marker is the page's last flavor");
            }
            case "POST " -> {
                String created = body.get("instance_id").asText();
                assertTrue(world.instances.find(TestWorld.ref(created)).isPresent(), "the instance is stored");
                boolean prepaid = "prePaid".equals(body.get("charge_info").get("charge_mode").asText());
                assertEquals(prepaid ? "CREATING" : "ACTIVE", body.get("status").asText(), body.toString());
                assertEquals(prepaid, body.hasNonNull("order_id"), body.toString());
            }
            case "GET /{instance_id}" -> {
                assertEquals(instanceId, body.get("instance_id").asText());
                assertEquals("iotda.standard.s1", body.get("flavor").get("type").asText());
                assertEquals("02:00", body.get("operate_window").get("start_time").asText());
                assertEquals(TestWorld.REGION, body.get("region_id").asText());
                assertTrue(body.get("update_time").asText().matches(ISO_TIME), body.toString());
            }
            case "PUT /{instance_id}" -> {
                assertEquals("01:00", body.get("operate_window").get("start_time").asText());
                assertEquals("01:00", world.instance(instanceId).profile().operateWindow().start().toString());
            }
            case "DELETE /{instance_id}" -> assertTrue(world.instance(instanceId).isDeleted(), "deleted");
            case "POST /{instance_id}/bind-tags" -> assertEquals(List.of(new Tag("team", "assembly"),
                    new Tag("cost-center", "4711")), world.instance(instanceId).profile().tags().list(),
                    "a bound key takes the new value");
            case "POST /{instance_id}/unbind-tags" -> assertEquals(List.of(),
                    world.instance(instanceId).profile().tags().list());
            case "GET /{instance_id}/orders/{order_id}" -> {
                assertEquals(event.getPathParameters().get("order_id"), body.get("order_id").asText());
                assertEquals("COMPLETED", body.get("status").asText(), body.toString());
                assertEquals("RESIZE", body.get("type").asText(), body.toString());
            }
            case "GET /{instance_id}/tasks" -> {
                assertEquals("MODIFY", body.get("tasks").get(0).get("type").asText(), body.toString());
                assertEquals(TestWorld.HISTORY_TASK, body.get("page").get("marker").asText(), body.toString());
                assertEquals(1, body.get("page").get("count").asInt(), body.toString());
            }
            case "GET /{instance_id}/tasks/{task_id}" -> {
                assertEquals(TestWorld.HISTORY_TASK, body.get("task_id").asText());
                assertEquals("SUCCESS", body.get("status").asText(), body.toString());
                assertEquals(100, body.get("progress").asInt(), body.toString());
                assertEquals(TestWorld.HISTORY_ORDER, body.get("order_id").asText(), body.toString());
            }
            case "POST /{instance_id}/tasks/{task_id}/retry" -> {
                // Run again at once (no window) and failed again: its flavor is still sold out.
                assertEquals(TestWorld.FAILED_TASK, body.get("task_id").asText());
                assertEquals("FAILED", body.get("status").asText(), body.toString());
                assertEquals("the flavor " + TestWorld.SOLD_OUT_FLAVOR + " is sold out",
                        body.get("status_detail").asText(), body.toString());
                assertEquals(0, body.get("progress").asInt(), body.toString());
            }
            case "GET /{instance_id}/orders" -> {
                assertTrue(body.get("orders").isArray(), body.toString());
                assertTrue(body.has("marker"), body.toString());
            }
            case "POST /v3/auth/tokens" -> {
                String token = headers.get("X-Subject-Token");
                assertTrue(token != null && token.length() >= 43, "the token in X-Subject-Token: " + headers);
                assertEquals(TestWorld.PROJECT, body.path("token").path("project").path("id").asText());
                assertFalse(body.path("token").has("catalog"), "?nocatalog=true leaves the catalog out");
            }
            case "GET /v3/projects", "GET /v3/auth/projects" -> {
                assertEquals(TestWorld.PROJECT, body.path("projects").path(0).path("id").asText(), body.toString());
                assertEquals(TestWorld.DOMAIN_ID, body.path("projects").path(0).path("domain_id").asText());
            }
            case "GET /v2/orders/customer-orders" -> {
                assertEquals(1, body.path("total_count").asInt(), body.toString());
                assertEquals(TestWorld.HISTORY_ORDER, body.path("order_infos").path(0).path("order_id").asText());
                assertEquals(5, body.path("order_infos").path(0).path("status").asInt(), body.toString());
            }
            case "GET /v2/orders/customer-orders/details/{order_id}" -> {
                assertEquals(TestWorld.HISTORY_ORDER, body.path("order_info").path("order_id").asText());
                assertEquals(5, body.path("order_info").path("status").asInt(), "completed: " + body);
                assertEquals(3, body.path("order_info").path("order_type").asInt(), "a change: " + body);
            }
            case "POST /v2/orders/subscriptions/resources/renew" -> {
                assertEquals(1, body.path("order_ids").size(), body.toString());
                Order renewal = world.orders.findById(new OrderId(body.path("order_ids").path(0).asText()))
                        .orElseThrow();
                assertEquals(OrderType.RENEW, renewal.type());
                assertEquals(OrderStatus.COMPLETED, renewal.status(), "auto-paid from the demo account's balance");
                assertTrue(renewal.amount().compareTo(Amount.ZERO) > 0, "priced: " + renewal);
            }
            case "POST /v2/orders/suscriptions/resources/query" -> {
                assertEquals(1, body.path("total_count").asInt(), "the yearly/monthly one of the two: " + body);
                JsonNode resource = body.path("data").path(0);
                assertEquals(TestWorld.ENTERPRISE, resource.path("resource_id").asText(), body.toString());
                assertEquals(2, resource.path("status").asInt(), "in use: " + body);
                assertEquals(1, resource.path("is_main_resource").asInt());
            }
            case "POST /v2/orders/subscriptions/resources/unsubscribe" -> {
                Order unsubscription = world.orders.findById(new OrderId(body.path("order_ids").path(0).asText()))
                        .orElseThrow();
                assertEquals(OrderType.UNSUBSCRIBE, unsubscription.type());
                assertEquals(OrderStatus.COMPLETED, unsubscription.status());
                assertTrue(world.instances.find(TestWorld.ref(TestWorld.TO_UNSUBSCRIBE)).orElseThrow().isDeleted(),
                        "the resource is released");
            }
            case "POST /v2/orders/subscriptions/resources/autorenew/{resource_id}" -> assertTrue(
                    world.instance(TestWorld.PREPAID).subscription().autoRenew(), "auto-renewal on");
            case "DELETE /v2/orders/subscriptions/resources/autorenew/{resource_id}" -> assertFalse(
                    world.instance(TestWorld.ENTERPRISE).subscription().autoRenew(), "auto-renewal off");
            case "PUT /v2/orders/customer-orders/cancel" -> assertEquals(OrderStatus.CANCELLED,
                    world.orders.findById(new OrderId(TestWorld.UNPAID_ORDER)).orElseThrow().status());
            case "POST /v2/orders/customer-orders/pay" -> assertEquals(OrderStatus.COMPLETED,
                    world.orders.findById(new OrderId(TestWorld.TO_PAY_V2_ORDER)).orElseThrow().status());
            case "POST /v3/orders/customer-orders/pay" -> {
                assertEquals(OrderStatus.COMPLETED,
                        world.orders.findById(new OrderId(TestWorld.TO_PAY_ORDER)).orElseThrow().status());
                // Other fixtures may have paid from the same balance before: at least this order's amount is gone.
                assertTrue(world.credentials.findAccount(TestWorld.DOMAIN_ID).orElseThrow().balance()
                        .compareTo(TestWorld.BALANCE.minus(TestWorld.TO_PAY_AMOUNT)) <= 0, "paid from the balance");
            }
            case "GET /v3/auth/domains" -> assertEquals(TestWorld.DOMAIN_ID,
                    body.path("domains").path(0).path("id").asText(), body.toString());
            default -> {
                String orderId = body.get("order_id").asText();
                assertTrue(orderId.matches("CS\\d{10}[A-Z0-9]{5}"), orderId);
                assertTrue(world.ordersOf(instanceId).stream()
                        .anyMatch(order -> order.orderId().value().equals(orderId)), "the order record exists");
            }
        }
    }

    private static void assertError(Expected expected, JsonNode body, TestWorld world, List<?> itemsBefore) {
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

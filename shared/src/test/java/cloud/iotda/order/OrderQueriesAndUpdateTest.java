package cloud.iotda.order;

import static cloud.iotda.testing.TestWorld.OTHER_PROJECT_TOKEN;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.api.Operation;
import cloud.iotda.testing.TestWorld.Response;
import cloud.iotda.testing.TestWorld;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UpdateInstance (change window, name, description) and the order queries, through their gateways. */
class OrderQueriesAndUpdateTest {
    private final TestWorld world = new TestWorld();

    private List<String> immediateResizes(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            world.clock.advance(Duration.ofSeconds(1));
            Response response = world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":" + (3 + i) + "}}");
            assertEquals(200, response.status(), response.body().toString());
            ids.add(response.orderId());
        }
        return ids;
    }

    private static List<String> idsOf(Response page) {
        List<String> ids = new ArrayList<>();
        page.body().get("orders").forEach(order -> ids.add(order.get("order_id").asText()));
        return ids;
    }

    @Test
    void listsOrdersNewestFirstInPages() {
        List<String> placed = immediateResizes(3);

        Response first = world.listOrders(STANDARD, Map.of("limit", "2"));
        assertEquals(200, first.status());
        assertEquals(List.of(placed.get(2), placed.get(1)), idsOf(first));
        String marker = first.body().get("marker").asText();

        Response second = world.listOrders(STANDARD, Map.of("limit", "2", "marker", marker));
        assertEquals(List.of(placed.get(0)), idsOf(second));
        assertTrue(second.body().get("marker").isNull(), "no page after the last");

        JsonNode order = first.body().get("orders").get(0);
        assertEquals("RESIZE", order.get("type").asText());
        assertEquals("COMPLETED", order.get("status").asText());
        assertEquals(5, order.get("request").get("flavor").get("size").asInt());
        assertTrue(order.get("execute_after").isNull());
        assertTrue(order.get("create_time").asText().matches("\\d{8}T\\d{6}Z"));
    }

    @Test
    void listsTwentyByDefault() {
        immediateResizes(21);
        assertEquals(20, idsOf(world.listOrders(STANDARD, Map.of())).size());
        assertEquals(21, idsOf(world.listOrders(STANDARD, Map.of("limit", "100"))).size());
    }

    @ParameterizedTest
    @CsvSource({"limit,0", "limit,101", "limit,abc", "limit,-1", "limit,1.5", "marker,nonsense", "marker,CS26011510000"})
    void rejectsBadQueryParameters(String name, String value) {
        Response response = world.listOrders(STANDARD, Map.of(name, value));
        assertEquals(400, response.status());
        assertTrue(response.errorMessage().contains(name), response.errorMessage());
    }

    @Test
    void orderQueriesNeedTheProjectsCredentialsAndAnInstance() {
        String orderId = immediateResizes(1).get(0);
        Map<String, String> path = Map.of("project_id", PROJECT, "instance_id", STANDARD, "order_id", orderId);
        assertEquals(401, world.send(Operation.SHOW_ORDER, "GET", path, Map.of(), null, null).status());
        assertEquals(403, world.send(Operation.SHOW_ORDER, "GET", path, Map.of(), null, OTHER_PROJECT_TOKEN).status());
        assertEquals(404, world.listOrders("2a2b3c4d-0000-4000-8000-0000000000ff", Map.of()).status());
        assertEquals("IOTDA.060009", world.showOrder(STANDARD, "CS260115100000ZZZZZ").errorCode());
        assertEquals("IOTDA.060009", world.showOrder(TestWorld.ENTERPRISE, orderId).errorCode(), "another instance's order");
        assertEquals(400, world.showOrder(STANDARD, "not-an-order").status());
        assertEquals(orderId, world.showOrder(STANDARD, orderId).body().get("order_id").asText());
    }

    @Test
    void updatesTheWindowNameAndDescription() {
        Response updated = world.updateInstance(STANDARD,
                "{\"name\":\"plant-7_east\",\"description\":\"产线A,north&south.\",\"operate_window\":{\"start_time\":\"23:30\",\"end_time\":\"00:30\"}}");
        assertEquals(200, updated.status(), updated.body().toString());
        assertEquals("plant-7_east", updated.body().get("name").asText());
        Response shown = world.showInstance(STANDARD);
        assertEquals("23:30", shown.body().get("operate_window").get("start_time").asText());
        assertEquals("00:30", shown.body().get("operate_window").get("end_time").asText());
        assertEquals("产线A,north&south.", shown.body().get("description").asText());
        assertEquals(updated.body(), shown.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|at least one of name, description and operate_window is required",
        "{\"operate_window\":{\"start_time\":\"25:00\",\"end_time\":\"02:00\"}}|operate_window.start_time must be HH:mm (UTC)",
        "{\"operate_window\":{\"start_time\":\"02:00\"}}|operate_window.end_time is required",
        "{\"operate_window\":{\"start_time\":\"02:00\",\"end_time\":\"02:59\"}}|operate_window must be at least 1 hour long",
        "{\"operate_window\":{\"start_time\":\"23:30\",\"end_time\":\"00:15\"}}|operate_window must be at least 1 hour long",
        "{\"operate_window\":\"02:00-04:00\"}|operate_window must be an object",
        "{\"name\":\"\"}|name must be 1..64 characters",
        "{\"name\":\"has space\"}|name must be 1..64 characters",
        "{\"name\":7}|name must be a string",
    })
    void rejectsBadUpdatesNamingTheField(String body, String message) {
        var before = world.allItems();
        Response response = world.updateInstance(STANDARD, body);
        assertEquals(400, response.status());
        assertTrue(response.errorMessage().contains(message), response.errorMessage());
        assertEquals(before, world.allItems());
    }

    @Test
    void rejectsOverlongNameAndDescription() {
        assertEquals(200, world.updateInstance(STANDARD, "{\"name\":\"" + "n".repeat(64) + "\"}").status());
        assertEquals(400, world.updateInstance(STANDARD, "{\"name\":\"" + "n".repeat(65) + "\"}").status());
        assertEquals(200, world.updateInstance(STANDARD, "{\"description\":\"" + "d".repeat(256) + "\"}").status());
        assertEquals(400, world.updateInstance(STANDARD, "{\"description\":\"" + "d".repeat(257) + "\"}").status());
    }

    @Test
    void exactlyOneHourIsEnough() {
        assertEquals(200, world.updateInstance(STANDARD, "{\"operate_window\":{\"start_time\":\"23:30\",\"end_time\":\"00:30\"}}").status());
    }
}

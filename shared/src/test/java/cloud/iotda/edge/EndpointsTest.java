package cloud.iotda.edge;

import static cloud.iotda.testing.TestWorld.OTHER_PROJECT;
import static cloud.iotda.testing.TestWorld.OTHER_PROJECT_TOKEN;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static cloud.iotda.testing.TestWorld.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.testing.TestWorld.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each operation from HTTP to its use case and back, in the documented order of checks: credentials (401/403),
 * then input (400), then the instance (404) and the business rules; answers in the documented shapes.
 */
class EndpointsTest {
    private static final String VALID_RESIZE = "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}";
    private final TestWorld world = TestWorld.inMemory();

    private Response resizeWith(String token, String body) {
        return world.call(Operation.RESIZE, "POST", STANDARD, body, token);
    }

    private static void assertError(Response response, int status, String code, String message) {
        assertEquals(status, response.status(), response.body().toString());
        assertEquals(code, response.errorCode());
        assertEquals(message, response.errorMessage());
    }

    @Test
    void missingCredentialsAre401WithTheDocumentedBody() {
        assertError(resizeWith(null, VALID_RESIZE), 401, "IOTDA.000002",
                "Authentication failed: no credentials were sent.");
    }

    @Test
    void credentialsOfAnotherProjectAre403() {
        assertError(resizeWith(OTHER_PROJECT_TOKEN, VALID_RESIZE), 403, "IOTDA.000004",
                "Invalid access token: the credentials do not grant access to project " + PROJECT + ".");
    }

    @Test
    void checksCredentialsBeforeInput() {
        assertEquals(401, resizeWith(null, "not json").status());
        assertEquals(403, resizeWith(OTHER_PROJECT_TOKEN, "not json").status());
        assertEquals(403,
                world.call(Operation.RESIZE, "POST", "NOT-AN-ID", VALID_RESIZE, OTHER_PROJECT_TOKEN).status());
    }

    @Test
    void checksInputBeforeTheInstanceExists() {
        assertError(world.call(Operation.RESIZE, "POST", TestWorld.MISSING, "{}", TOKEN), 400, "IOTDA.000006",
                "Invalid input data: flavor is required.");
        assertError(world.call(Operation.RESIZE, "POST", "NOT-AN-ID", VALID_RESIZE, TOKEN), 400, "IOTDA.000006",
                "Invalid input data: instance_id must be 1..36 characters of a-f, 0-9 and -.");
    }

    @Test
    void tokenOfThePathsProjectIsAcceptedEvenForAnInstanceItDoesNotHave() {
        assertError(world.call(Operation.RESIZE, "POST", OTHER_PROJECT, STANDARD, VALID_RESIZE, OTHER_PROJECT_TOKEN),
                404, "IOTDA.060000", "The instance " + STANDARD + " does not exist in project " + OTHER_PROJECT + ".");
    }

    @Test
    void everyAnswerCarriesARequestIdAndJson() {
        for (Response response : new Response[] {resizeWith(null, VALID_RESIZE), resizeWith(TOKEN, VALID_RESIZE)}) {
            assertTrue(response.headers().get("X-Request-Id").length() > 8);
            assertEquals("application/json", response.headers().get("Content-Type"));
        }
    }

    @Test
    void resizeAnswersTheOrderIdAndNothingElse() {
        Response response = resizeWith(TOKEN, VALID_RESIZE);
        assertEquals(200, response.status());
        assertEquals(List.of("order_id"), fieldNames(response.body()));
        assertEquals(world.ordersOf(STANDARD).get(0).orderId().value(), response.orderId());
    }

    @Test
    void rejectedRequestsWriteNothing() {
        Object before = world.state();
        resizeWith(TOKEN, "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":0}}");
        world.updateInstance(STANDARD, "{\"operate_window\":{\"start_time\":\"02:00\",\"end_time\":\"02:30\"}}");
        world.changeChargeMode(STANDARD, "{\"period_type\":\"year\",\"period_num\":4}");
        assertEquals(before, world.state());
    }

    private List<String> placeResizes(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            world.clock.advance(Duration.ofSeconds(1));
            Response response =
                    world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":" + (3 + i) + "}}");
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

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void listOrdersAnswersPagesOfOrdersWithAMarker() {
        List<String> placed = placeResizes(3);

        Response first = world.listOrders(STANDARD, Map.of("limit", "2"));
        assertEquals(200, first.status());
        assertEquals(List.of(placed.get(2), placed.get(1)), idsOf(first));
        String marker = first.body().get("marker").asText();
        Response second = world.listOrders(STANDARD, Map.of("limit", "2", "marker", marker));
        assertEquals(List.of(placed.get(0)), idsOf(second));
        assertEquals(placed.get(0), second.body().get("marker").asText(),
                "as ListInstances documents it: the last record of the page, on the last page too");
        Response after = world.listOrders(STANDARD, Map.of("limit", "2", "marker", placed.get(0)));
        assertEquals(List.of(), idsOf(after));
        assertTrue(after.body().get("marker").isNull(), "an empty page has no last record");

        JsonNode order = first.body().get("orders").get(0);
        assertEquals(List.of("order_id", "type", "status", "request", "create_time", "update_time", "execute_after",
                "task_id"),
                fieldNames(order));
        assertEquals("RESIZE", order.get("type").asText());
        assertEquals("COMPLETED", order.get("status").asText());
        assertEquals("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":5},\"delay\":false,\"is_auto_pay\":false}",
                order.get("request").toString());
        assertTrue(order.get("execute_after").isNull());
        assertEquals("2026-01-15T10:00:03Z", order.get("create_time").asText());
    }

    @Test
    void listOrdersAnswersTwentyByDefaultAndAtMostAHundred() {
        placeResizes(21);
        assertEquals(20, idsOf(world.listOrders(STANDARD, Map.of())).size());
        assertEquals(21, idsOf(world.listOrders(STANDARD, Map.of("limit", "100"))).size());
    }

    @ParameterizedTest
    @CsvSource({"0", "101", "abc", "-1", "1.5"})
    void limitOutOfRangeGetsThePublishedCode(String limit) {
        assertError(world.listOrders(STANDARD, Map.of("limit", limit)), 400, "IOTDA.000017",
                "Invalid input. The specified parameter 'limit' is out of range.");
    }

    @ParameterizedTest
    @CsvSource({"nonsense", "CS26011510000"})
    void rejectsAMarkerThatNoPageGave(String marker) {
        assertError(world.listOrders(STANDARD, Map.of("marker", marker)), 400, "IOTDA.000006",
                "Invalid input data: marker must be an order_id from an earlier page.");
    }

    @Test
    void orderQueriesNeedTheProjectsCredentialsAndAnInstance() {
        String orderId = placeResizes(1).get(0);
        Map<String, String> path = Map.of("project_id", PROJECT, "instance_id", STANDARD, "order_id", orderId);
        assertEquals(401, world.send(Operation.SHOW_ORDER, "GET", path, Map.of(), null, null).status());
        assertEquals(403, world.send(Operation.SHOW_ORDER, "GET", path, Map.of(), null, OTHER_PROJECT_TOKEN).status());
        assertEquals("IOTDA.060000", world.listOrders(TestWorld.MISSING, Map.of()).errorCode());
        assertEquals("IOTDA.060000", world.showOrder(TestWorld.MISSING, orderId).errorCode(),
                "a missing instance is a missing instance, whatever the operation");
        assertError(world.showOrder(STANDARD, "CS260115100000ZZZZZ"), 404, "IOTDA.060009",
                "The order CS260115100000ZZZZZ does not exist.");
        assertEquals("IOTDA.060009", world.showOrder(TestWorld.ENTERPRISE, orderId).errorCode(),
                "another instance's order");
        assertError(world.showOrder(STANDARD, "not-an-order"), 400, "IOTDA.000006",
                "Invalid input data: order_id must be CS, 10 digits and 5 upper-case letters or digits.");
        assertEquals(orderId, world.showOrder(STANDARD, orderId).body().get("order_id").asText());
    }

    @Test
    void updateInstanceAnswersTheInstanceAsShowInstanceShowsIt() {
        Response updated = world.updateInstance(STANDARD,
                "{\"name\":\"plant-7_east\",\"description\":\"产线A,north&south.\","
                        + "\"operate_window\":{\"start_time\":\"23:30\",\"end_time\":\"00:30\"}}");
        assertEquals(200, updated.status(), updated.body().toString());
        Response shown = world.showInstance(STANDARD);
        assertEquals(updated.body(), shown.body());
        assertEquals("plant-7_east", shown.body().get("name").asText());
        assertEquals("产线A,north&south.", shown.body().get("description").asText());
        assertEquals("{\"start_time\":\"23:30\",\"end_time\":\"00:30\"}",
                shown.body().get("operate_window").toString());
    }

    @Test
    void showInstanceAnswersTheDocumentedFields() {
        JsonNode shown = world.showInstance(STANDARD).body();
        assertEquals(List.of("instance_type", "instance_id", "charge_mode", "name", "flavor", "status", "region_id",
                "description", "create_time", "update_time", "tags", "operate_window"), fieldNames(shown));
        assertEquals("{\"type\":\"iotda.standard.s1\",\"size\":2}", shown.get("flavor").toString());
        assertEquals("2025-12-16T10:00:00Z", shown.get("create_time").asText());
        assertEquals(TestWorld.REGION, shown.get("region_id").asText());
    }

    private Response listFlavors(Map<String, String> query, String token) {
        return world.send(Operation.LIST_FLAVORS, "GET", Map.of("project_id", PROJECT), query, null, token);
    }

    @Test
    void listInstanceFlavorsAnswersTheSdksFlavorsAndPage() {
        world.sales.setSaleStatus("iotda.enterprise.2000tps.10wonlinedevice", SaleStatus.SELLOUT);
        Response page = listFlavors(Map.of("instance_type", "enterprise", "limit", "2", "offset", "1"), TOKEN);
        assertEquals(200, page.status(), page.body().toString());
        assertEquals(List.of("flavors", "page"), fieldNames(page.body()));
        JsonNode first = page.body().get("flavors").get(0);
        assertEquals(List.of("instance_type", "type", "status", "charge_modes"), fieldNames(first));
        assertEquals("enterprise", first.get("instance_type").asText());
        assertEquals("[\"prePaid\"]", first.get("charge_modes").toString());
        assertEquals(List.of("count", "marker"), fieldNames(page.body().get("page")));
        assertEquals(page.body().get("flavors").get(1).get("type").asText(),
                page.body().get("page").get("marker").asText());
        Response all = listFlavors(Map.of(), TOKEN);
        List<String> soldOut = List.of("iotda.enterprise.2000tps.10wonlinedevice", TestWorld.SOLD_OUT_FLAVOR);
        all.body().get("flavors").forEach(flavor -> assertEquals(
                soldOut.contains(flavor.get("type").asText()) ? "sellout" : "normal",
                flavor.get("status").asText(), flavor.toString()));
        assertEquals(all.body().get("flavors").size(), all.body().get("page").get("count").asInt());
    }

    @Test
    void listInstanceFlavorsRefusesBadQueriesAndStrangers() {
        assertEquals(401, listFlavors(Map.of(), null).status());
        assertEquals(403, listFlavors(Map.of(), OTHER_PROJECT_TOKEN).status());
        assertError(listFlavors(Map.of("limit", "501"), TOKEN), 400, "IOTDA.000017",
                "Invalid input. The specified parameter 'limit' is out of range.");
        assertEquals("IOTDA.000006", listFlavors(Map.of("offset", "501"), TOKEN).errorCode());
        assertEquals("IOTDA.000006", listFlavors(Map.of("instance_type", "basic"), TOKEN).errorCode());
        assertEquals("IOTDA.000006", listFlavors(Map.of("marker", "iotda.standard.s99"), TOKEN).errorCode());
    }

    @Test
    void aResizeToASoldOutFlavorIsRefusedWithOurCode() {
        world.sales.setSaleStatus("iotda.standard.s2", SaleStatus.SELLOUT);
        assertError(resizeWith(TOKEN, VALID_RESIZE), 400, "IOTDA.060014",
                "Flavor iotda.standard.s2 is sold out; choose another flavor (ListInstanceFlavors shows what is on "
                        + "sale).");
    }

    private Response tasks(String instanceId, Map<String, String> query, String token) {
        return world.send(Operation.LIST_TASKS, "GET", Map.of("project_id", PROJECT, "instance_id", instanceId),
                query, null, token);
    }

    private Response task(String instanceId, String taskId, String token) {
        return world.send(Operation.SHOW_TASK, "GET", Map.of("project_id", PROJECT, "instance_id", instanceId,
                "task_id", taskId), Map.of(), null, token);
    }

    @Test
    void taskQueriesAnswerTheSdksInstanceTaskWithMillisecondTimesAndProgress() {
        Response placed = world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4},"
                + "\"delay\":true}");
        Response list = tasks(STANDARD, Map.of("limit", "1"), TOKEN);
        assertEquals(200, list.status(), list.body().toString());
        assertEquals(List.of("tasks", "page"), fieldNames(list.body()));
        JsonNode listed = list.body().get("tasks").get(0);
        assertEquals(List.of("task_id", "type", "status", "status_detail", "create_time", "start_time", "end_time",
                "target_config", "operate_window", "order_id"), fieldNames(listed));
        assertEquals("MODIFY", listed.get("type").asText());
        assertEquals("PENDING", listed.get("status").asText());
        assertEquals("2026-01-15T10:00:00.000Z", listed.get("create_time").asText());
        assertTrue(listed.get("start_time").isNull() && listed.get("end_time").isNull());
        assertEquals("{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}",
                listed.get("target_config").toString());
        assertEquals("{\"start_time\":\"02:00\",\"end_time\":\"04:00\"}", listed.get("operate_window").toString());
        assertEquals(placed.orderId(), listed.get("order_id").asText());
        assertEquals(listed.get("task_id").asText(), list.body().get("page").get("marker").asText());
        assertEquals(List.of("count", "marker"), fieldNames(list.body().get("page")));

        Response shown = task(STANDARD, listed.get("task_id").asText(), TOKEN);
        assertEquals(200, shown.status(), shown.body().toString());
        assertEquals(0, shown.body().get("progress").asInt());
        assertEquals(listed.get("task_id"), shown.body().get("task_id"));
        assertEquals(listed.get("task_id").asText(), world.showOrder(STANDARD, placed.orderId()).body()
                .get("task_id").asText(), "the order names its task");
    }

    @Test
    void taskQueriesRefuseMalformedIdsUnknownTasksAndOtherProjects() {
        assertError(task(STANDARD, "NOT-A-TASK", TOKEN), 400, "IOTDA.000006",
                "Invalid input data: task_id must be up to 64 characters of a-f, 0-9 and -.");
        assertError(task(STANDARD, "a".repeat(65), TOKEN), 400, "IOTDA.000006",
                "Invalid input data: task_id must be up to 64 characters of a-f, 0-9 and -.");
        String unknown = "00000009-7a5c0f3e-1d2b-4c8a-9e6f-3b2a1c0d9e8f";
        assertError(task(STANDARD, unknown, TOKEN), 404, "IOTDA.060015", "The task " + unknown + " does not exist.");
        assertEquals(404, task(TestWorld.HISTORY, "abc", TOKEN).status(), "well-formed, not ours: no such task");
        assertEquals(200, task(TestWorld.HISTORY, TestWorld.HISTORY_TASK, TOKEN).status());
        assertEquals(403, task(TestWorld.HISTORY, TestWorld.HISTORY_TASK, OTHER_PROJECT_TOKEN).status());
        assertEquals(404, world.send(Operation.SHOW_TASK, "GET", Map.of("project_id", OTHER_PROJECT, "instance_id",
                TestWorld.HISTORY, "task_id", TestWorld.HISTORY_TASK), Map.of(), null, OTHER_PROJECT_TOKEN).status(),
                "another project's instance, and its tasks, are unknown");
        assertEquals(401, tasks(STANDARD, Map.of(), null).status());
        assertEquals("IOTDA.000017", tasks(STANDARD, Map.of("limit", "501"), TOKEN).errorCode());
        assertEquals("IOTDA.000006", tasks(STANDARD, Map.of("offset", "501"), TOKEN).errorCode());
        assertEquals("IOTDA.000006", tasks(STANDARD, Map.of("marker", "NOPE"), TOKEN).errorCode());
        assertEquals(404, tasks(TestWorld.MISSING, Map.of(), TOKEN).status());
    }

    private Response retry(String instanceId, String taskId, String token) {
        return world.send(Operation.RETRY_TASK, "POST", Map.of("project_id", PROJECT, "instance_id", instanceId,
                "task_id", taskId), Map.of(), null, token);
    }

    @Test
    void retryInstanceTaskAnswersTheTaskAfterTheRetryAndRefusesATaskThatDidNotFail() {
        Response again = retry(TestWorld.FAILED_RESIZE, TestWorld.FAILED_TASK, TOKEN);
        assertEquals(200, again.status(), again.body().toString());
        assertEquals("FAILED", again.body().get("status").asText(), "still sold out: failed again");
        assertEquals(0, again.body().get("progress").asInt());

        world.sales.setSaleStatus(TestWorld.SOLD_OUT_FLAVOR, SaleStatus.NORMAL);
        Response done = retry(TestWorld.FAILED_RESIZE, TestWorld.FAILED_TASK, TOKEN);
        assertEquals("SUCCESS", done.body().get("status").asText(), done.body().toString());
        assertEquals(100, done.body().get("progress").asInt());
        assertEquals(TestWorld.SOLD_OUT_FLAVOR, world.showInstance(TestWorld.FAILED_RESIZE).body().get("flavor")
                .get("type").asText());

        assertError(retry(TestWorld.HISTORY, TestWorld.HISTORY_TASK, TOKEN), 400, "IOTDA.060016",
                "The task " + TestWorld.HISTORY_TASK + " is SUCCESS; only a FAILED task can be retried.");
        assertEquals(404, retry(STANDARD, TestWorld.FAILED_TASK, TOKEN).status(), "another instance's task");
        assertEquals(400, retry(STANDARD, "XYZ", TOKEN).status());
        assertEquals(403, retry(TestWorld.FAILED_RESIZE, TestWorld.FAILED_TASK, OTHER_PROJECT_TOKEN).status());
    }
}

package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.ACCOUNT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.Payment;
import cloud.iotda.domain.order.Renewal;
import cloud.iotda.edge.Operation;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.TestWorld;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The billing API's ListCustomerOrders: the orders of every project of the account, from each project's own order
 * partition, newest first, filtered by BSS's query parameters, offset and limit applied after the filters. On
 * DynamoDB Local and in memory alike.
 */
class CustomerOrderListTest {
    private static final String SECOND_PROJECT = "6b5a4f3e2d1c0b9a8f7e6d5c4b3a2910";
    private static final OrderId ELSEWHERE = new OrderId("CS2601160800ELSE1");
    /** A day after now: the test world's seeded orders are placed at the real time, so that none lapses. */
    private static final Instant RENEWED_AT = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    static Stream<TestWorld> worlds() {
        return Stream.of(new TestWorld(), TestWorld.inMemory());
    }

    /** A second project of the account, with a yearly instance renewed there a day from now. */
    private static void orderInASecondProject(TestWorld world) {
        world.credentials.createProject(new Project(SECOND_PROJECT, "cn-south-1", TestWorld.DOMAIN_ID));
        InstanceRef ref = new InstanceRef(SECOND_PROJECT, "2a2b3c4d-0000-4000-8000-0000000000c1");
        Instance bought = Instance.create(ref, Edition.STANDARD, TestWorld.S1_X2).regionId("cn-south-1")
                .prePaid(Subscription.startingAt(TestWorld.START, PeriodType.YEAR, 1, false)).at(TestWorld.START);
        world.instances.create(bought);
        Renewal renewal = Renewal.byConsole(bought, PeriodType.YEAR, 1, Payment.FREE, Lapse.STANDARD, ELSEWHERE,
                UUID.fromString("00000000-0000-4000-8000-0000000000c1"), RENEWED_AT);
        world.orders.place(renewal.order(), renewal.instance(), renewal.task());
    }

    private static JsonNode list(TestWorld world, Map<String, String> query) {
        TestWorld.Response answer = world.send(Operation.LIST_CUSTOMER_ORDERS, "GET", Map.of(), query, null,
                ACCOUNT_TOKEN);
        assertEquals(200, answer.status(), query + " -> " + answer.body());
        return answer.body();
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("order_infos").forEach(order -> ids.add(order.path("order_id").asText()));
        return ids;
    }

    /** Every order of the account's one seeded project, newest first, as the store holds them. */
    private static List<String> seeded(TestWorld world) {
        return world.orders.ofProject(TestWorld.PROJECT, null, null).stream().map(order -> order.orderId().value())
                .toList();
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void listsTheOrdersOfEveryProjectOfTheAccountNewestFirst(TestWorld world) {
        orderInASecondProject(world);
        List<String> seeded = seeded(world);
        assertTrue(seeded.contains(TestWorld.HISTORY_ORDER) && seeded.contains(TestWorld.UNPAID_ORDER),
                seeded::toString);
        JsonNode all = list(world, Map.of("limit", "100"));
        List<String> expected = new ArrayList<>();
        expected.add(ELSEWHERE.value());
        expected.addAll(seeded);
        assertEquals(expected, ids(all), "the second project's order is the newest");
        assertEquals(expected.size(), all.path("total_count").asInt());
        JsonNode renewal = all.path("order_infos").path(0);
        assertEquals(2, renewal.path("order_type").asInt());
        assertEquals(5, renewal.path("status").asInt());
        assertEquals(TestWorld.DOMAIN_ID, renewal.path("customer_id").asText());
        assertEquals(RENEWED_AT.toString(), renewal.path("create_time").asText());

        List<String> oldestFirst = new ArrayList<>(expected);
        Collections.reverse(oldestFirst);
        assertEquals(oldestFirst, ids(list(world, Map.of("limit", "100", "order_by", "createTime"))));
        JsonNode page = list(world, Map.of("offset", "1", "limit", "2"));
        assertEquals(expected.subList(1, 3), ids(page));
        assertEquals(expected.size(), page.path("total_count").asInt(), "all that match, not the page");
        assertEquals(Math.min(10, expected.size()), ids(list(world, Map.of())).size(), "10 by default");
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void filtersByIdStatusTypeAndTime(TestWorld world) {
        orderInASecondProject(world);
        assertEquals(List.of(TestWorld.HISTORY_ORDER), ids(list(world, Map.of("order_id", TestWorld.HISTORY_ORDER))));
        List<String> unpaid = ids(list(world, Map.of("status", "6", "limit", "100")));
        assertTrue(unpaid.containsAll(List.of(TestWorld.UNPAID_ORDER, TestWorld.TO_PAY_ORDER)), unpaid::toString);
        assertTrue(!unpaid.contains(TestWorld.HISTORY_ORDER), unpaid::toString);
        assertEquals(List.of(ELSEWHERE.value()), ids(list(world, Map.of("order_type", "2"))));
        assertEquals(List.of(ELSEWHERE.value()), ids(list(world, Map.of("create_time_begin", RENEWED_AT.toString(),
                "create_time_end", RENEWED_AT.toString()))), "both ends included");
        assertEquals(List.of(ELSEWHERE.value()), ids(list(world, Map.of("payment_time_begin",
                RENEWED_AT.toString()))), "paid (completed) then");
        assertEquals(0, list(world, Map.of("service_type_code", "hws.service.type.ebs")).path("total_count").asInt());
        assertEquals(0, list(world, Map.of("create_time_end", "2020-01-01T00:00:00Z")).path("total_count").asInt());
        for (Order order : world.orders.ofProject(TestWorld.PROJECT, null, null)) {
            assertEquals(1, list(world, Map.of("order_id", order.orderId().value())).path("total_count").asInt());
        }
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void refusesParametersOutOfRangeAndAnotherCustomer(TestWorld world) {
        Map<Map<String, String>, String> refused = Map.of(
                Map.of("status", "0"), "status must be an integer 1..9",
                Map.of("limit", "101"), "limit must be an integer 1..100",
                Map.of("offset", "-1"), "offset must be an integer",
                Map.of("order_type", "x"), "order_type must be an integer 1..15",
                Map.of("order_by", "amount"), "order_by must be createTime or -createTime",
                Map.of("create_time_begin", "2026-01-01"), "create_time_begin must be a UTC time",
                Map.of("order_id", "not-an-order"), "order_id must be");
        refused.forEach((query, part) -> {
            TestWorld.Response answer = world.send(Operation.LIST_CUSTOMER_ORDERS, "GET", Map.of(), query, null,
                    ACCOUNT_TOKEN);
            assertEquals(400, answer.status(), query + " -> " + answer.body());
            assertEquals("CBC.0100", answer.errorCode(), query + " -> " + answer.body());
            assertTrue(answer.errorMessage().contains(part), query + " -> " + answer.errorMessage());
        });
        TestWorld.Response other = world.send(Operation.LIST_CUSTOMER_ORDERS, "GET", Map.of(),
                Map.of("customer_id", "8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a"), null, ACCOUNT_TOKEN);
        assertEquals(403, other.status(), other.body().toString());
        assertEquals("CBC.0151", other.errorCode());
    }

    @Test
    void anOrderStoredBeforeTheListIsListedOnceReindexed() {
        TestWorld world = new TestWorld();
        Order before = world.orders.findById(new OrderId(TestWorld.HISTORY_ORDER)).orElseThrow();
        // As an order row written before the list existed: without its project list keys.
        LocalDynamoDb.get().client().updateItem(request -> request.tableName(world.table)
                .key(Map.of("pk", AttributeValue.fromS("INSTANCE#" + TestWorld.PROJECT + "#" + TestWorld.HISTORY),
                        "sk", AttributeValue.fromS("ORDER#" + TestWorld.HISTORY_ORDER)))
                .updateExpression("REMOVE projectKey, listedAt"));
        assertTrue(!seeded(world).contains(TestWorld.HISTORY_ORDER), "not listed");
        assertEquals(1, world.orders.indexForProjectLists());
        assertTrue(seeded(world).contains(TestWorld.HISTORY_ORDER), "listed");
        assertEquals(0, world.orders.indexForProjectLists(), "once");
        assertEquals(before, world.orders.findById(new OrderId(TestWorld.HISTORY_ORDER)).orElseThrow(),
                "the order itself unchanged");
    }
}

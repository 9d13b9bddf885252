package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.ACCOUNT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.edge.Operation;
import cloud.iotda.testing.TestWorld;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The billing API's ListPayPerUseCustomerResources: the account's yearly/monthly instances with BSS's resource
 * statuses (2 in use, 4 frozen, 5 expired), filtered, soonest expiry first, paged by offset and limit after the
 * filters. On DynamoDB Local and in memory alike.
 */
class CustomerResourceListTest {
    private static final String IN_GRACE = "2a2b3c4d-0000-4000-8000-0000000000b1";
    private static final String FROZEN = "2a2b3c4d-0000-4000-8000-0000000000b2";

    static Stream<TestWorld> worlds() {
        return Stream.of(new TestWorld(), TestWorld.inMemory());
    }

    private static JsonNode query(TestWorld world, String body) {
        TestWorld.Response answer = world.send(Operation.LIST_PAY_PER_USE_CUSTOMER_RESOURCES, "POST", Map.of(),
                Map.of(), body, ACCOUNT_TOKEN);
        assertEquals(200, answer.status(), answer.body().toString());
        return answer.body();
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("data").forEach(resource -> ids.add(resource.path("resource_id").asText()));
        return ids;
    }

    /** One monthly instance expired 10 days before START (in grace), one expired 20 days before and frozen. */
    private static void lapsed(TestWorld world) {
        world.instances.create(Instance.create(TestWorld.ref(IN_GRACE), Edition.STANDARD, TestWorld.S1_X2)
                .regionId(TestWorld.REGION).name("in-grace")
                .prePaid(Subscription.startingAt(Instant.parse("2025-12-05T10:00:00Z"), PeriodType.MONTH, 1, true))
                .at(Instant.parse("2025-12-05T10:00:00Z")));
        world.instances.create(Instance.create(TestWorld.ref(FROZEN), Edition.STANDARD, TestWorld.S1_X2)
                .regionId(TestWorld.REGION).name("frozen").status(InstanceStatus.FROZEN)
                .prePaid(Subscription.startingAt(Instant.parse("2025-11-26T10:00:00Z"), PeriodType.MONTH, 1, false))
                .at(Instant.parse("2025-11-26T10:00:00Z")));
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void listsTheAccountsYearlyMonthlyInstancesSoonestExpiryFirstWithTheirStatus(TestWorld world) {
        lapsed(world);
        JsonNode all = query(world, "{\"limit\": 500}");
        List<String> ids = ids(all);
        assertEquals(all.path("total_count").asInt(), ids.size());
        assertEquals(List.of(FROZEN, IN_GRACE), ids.subList(0, 2), "soonest expiry first: " + ids);
        assertTrue(ids.contains(TestWorld.PREPAID) && ids.contains(TestWorld.ENTERPRISE), ids.toString());
        assertTrue(!ids.contains(TestWorld.STANDARD) && !ids.contains(TestWorld.S0), "pay-per-use is not: " + ids);
        JsonNode frozen = all.path("data").path(0);
        assertEquals(4, frozen.path("status").asInt());
        assertEquals(0, frozen.path("expire_policy").asInt(), "grace, then retention");
        assertEquals("2025-12-26T10:00:00Z", frozen.path("expire_time").asText());
        assertEquals("2025-11-26T10:00:00Z", frozen.path("effective_time").asText());
        assertEquals(TestWorld.PROJECT, frozen.path("project_id").asText());
        assertEquals("iotda.standard.s1", frozen.path("resource_spec_code").asText());
        assertEquals(2, frozen.path("spec_size").asInt());
        JsonNode grace = all.path("data").path(1);
        assertEquals(5, grace.path("status").asInt(), "expired, in grace");
        assertEquals(3, grace.path("expire_policy").asInt(), "auto-renewing");
        assertEquals(2, all.path("data").path(2).path("status").asInt(), "in use");
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void filtersBeforeTheyPage(TestWorld world) {
        lapsed(world);
        assertEquals(List.of(IN_GRACE), ids(query(world, "{\"status_list\": [5]}")));
        assertEquals(List.of(FROZEN, IN_GRACE), ids(query(world, "{\"status_list\": [4, 5]}")));
        JsonNode second = query(world, "{\"status_list\": [4, 5], \"offset\": 1, \"limit\": 1}");
        assertEquals(List.of(IN_GRACE), ids(second));
        assertEquals(2, second.path("total_count").asInt(), "all that match, not the page");
        assertEquals(List.of(IN_GRACE), ids(query(world, "{\"expire_time_begin\": \"2026-01-01T00:00:00Z\", "
                + "\"expire_time_end\": \"2026-01-31T00:00:00Z\"}")));
        assertEquals(List.of(TestWorld.PREPAID), ids(query(world, "{\"resource_ids\": [\"" + TestWorld.PREPAID
                + "\", \"" + TestWorld.STANDARD + "\", \"" + TestWorld.MISSING + "\"]}")));
        assertEquals(List.of(TestWorld.TO_PAY), ids(query(world, "{\"order_id\": \"" + TestWorld.TO_PAY_ORDER
                + "\"}")), "the resource of the order");
        assertEquals(0, query(world, "{\"order_id\": \"CS2601150900NONE1\"}").path("total_count").asInt());
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void refusesAQueryOutOfRange(TestWorld world) {
        Map<String, String> refused = Map.of(
                "{\"limit\": 0}", "limit must be 1..500",
                "{\"limit\": 501}", "limit must be 1..500",
                "{\"offset\": -1}", "offset must be 0 or more",
                "{\"status_list\": [1]}", "status_list may hold",
                "{\"status_list\": \"2\"}", "status_list must be an array of integers",
                "{\"only_main_resource\": 2}", "only_main_resource must be 0 or 1",
                "{\"expire_time_begin\": \"2026-01-01\"}", "expire_time_begin must be a UTC time",
                "{\"order_id\": \"x\"}", "order_id must be");
        refused.forEach((body, part) -> {
            TestWorld.Response answer = world.send(Operation.LIST_PAY_PER_USE_CUSTOMER_RESOURCES, "POST", Map.of(),
                    Map.of(), body, ACCOUNT_TOKEN);
            assertEquals(400, answer.status(), body + " -> " + answer.body());
            assertEquals("CBC.0100", answer.errorCode(), body + " -> " + answer.body());
            assertTrue(answer.errorMessage().contains(part), body + " -> " + answer.errorMessage());
        });
        StringBuilder many = new StringBuilder("{\"resource_ids\": [");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ", ").append("\"").append(TestWorld.PREPAID).append("\"");
        }
        TestWorld.Response tooMany = world.send(Operation.LIST_PAY_PER_USE_CUSTOMER_RESOURCES, "POST", Map.of(),
                Map.of(), many.append("]}").toString(), ACCOUNT_TOKEN);
        assertEquals("CBC.0100", tooMany.errorCode(), tooMany.body().toString());
    }
}

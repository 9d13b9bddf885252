package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.ACCOUNT_TOKEN;
import static cloud.iotda.testing.TestWorld.PREPAID;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.TO_UNSUBSCRIBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceCount;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.OrderType;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskType;
import cloud.iotda.edge.Operation;
import cloud.iotda.testing.TestWorld;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The billing API's CancelResourcesSubscription: a resource unsubscribed is deleted and its months not begun are
 * given back to the balance; unsubscribing only the renewals takes off the renewed months not begun; several
 * resources are unsubscribed in one write. On DynamoDB Local and in memory alike.
 */
class UnsubscribeTest {
    /** TO_UNSUBSCRIBE: bought 2025-12-01 for 3 years; on 2026-01-15 two of its 36 months have begun. */
    private static final Instant EXPIRY = Instant.parse("2028-12-01T10:00:00Z");

    static Stream<TestWorld> worlds() {
        return Stream.of(new TestWorld(), TestWorld.inMemory());
    }

    private static TestWorld.Response unsubscribe(TestWorld world, List<String> ids, int type) {
        return world.send(Operation.CANCEL_RESOURCES_SUBSCRIPTION, "POST", Map.of(), Map.of(),
                "{\"resource_ids\": [" + String.join(", ", ids.stream().map(id -> "\"" + id + "\"").toList())
                        + "], \"unsubscribe_type\": " + type + "}", ACCOUNT_TOKEN);
    }

    private static List<Order> orders(TestWorld world, TestWorld.Response answer) {
        return RenewalResourcesTest.orders(world, answer);
    }

    private static Amount balance(TestWorld world) {
        return RenewalResourcesTest.balance(world);
    }

    private static Amount months(TestWorld world, int months) {
        return CatalogueFile.prices().of(world.instance(TO_UNSUBSCRIBE).flavor(), PeriodType.MONTH, months);
    }

    private static long standardCount(TestWorld world) {
        return world.instances.counted(PROJECT).map(InstanceCount::standard).orElse(0L);
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void anUnsubscribedResourceIsDeletedAndItsMonthsNotBegunGoBackToTheBalance(TestWorld world) {
        Amount back = months(world, 34);
        Amount before = balance(world);
        long counted = standardCount(world);

        Order order = orders(world, unsubscribe(world, List.of(TO_UNSUBSCRIBE), 1)).get(0);
        assertEquals(OrderType.UNSUBSCRIBE, order.type());
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertEquals(new Change.Unsubscribe(false, 34), order.change(), "34 months not begun");
        assertEquals(back, order.amount());
        assertEquals(before.plus(back), balance(world), "given back");
        Instance gone = world.instances.find(TestWorld.ref(TO_UNSUBSCRIBE)).orElseThrow();
        assertTrue(gone.isDeleted());
        Task deletion = world.tasks.find(TestWorld.ref(TO_UNSUBSCRIBE), order.taskId()).orElseThrow();
        assertEquals(TaskType.DELETE, deletion.type());
        assertEquals(counted - 1, standardCount(world), "the project's count follows");
        JsonNode details = world.send(Operation.SHOW_CUSTOMER_ORDER_DETAILS, "GET",
                Map.of("order_id", order.orderId().value()), Map.of(), null, ACCOUNT_TOKEN).body();
        assertEquals(4, details.path("order_info").path("order_type").asInt(), "an unsubscription: " + details);

        TestWorld.Response again = unsubscribe(world, List.of(TO_UNSUBSCRIBE), 1);
        assertEquals("CBC.99003012", again.errorCode(), "gone: " + again.body());
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void twoResourcesOfOneProjectAreUnsubscribedInOneWrite(TestWorld world) {
        long counted = standardCount(world);
        List<Order> made = orders(world, unsubscribe(world, List.of(TO_UNSUBSCRIBE, PREPAID), 1));
        assertEquals(List.of(TestWorld.ref(TO_UNSUBSCRIBE), TestWorld.ref(PREPAID)),
                made.stream().map(Order::instance).toList());
        assertTrue(world.instances.find(TestWorld.ref(PREPAID)).orElseThrow().isDeleted());
        assertEquals(counted - 2, standardCount(world), "both counted off in the one write");
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void unsubscribingTheRenewalsTakesOffTheRenewedMonthsNotBegunAndKeepsTheResource(TestWorld world) {
        world.service.subscriptions().renew(TestWorld.ref(TO_UNSUBSCRIBE), PeriodType.YEAR, 1);
        Amount before = balance(world);

        Order order = orders(world, unsubscribe(world, List.of(TO_UNSUBSCRIBE), 2)).get(0);
        assertEquals(new Change.Unsubscribe(true, 12), order.change(), "the year renewed, none of it begun");
        assertEquals(before.plus(months(world, 12)), balance(world));
        Instance kept = world.instance(TO_UNSUBSCRIBE);
        assertFalse(kept.isDeleted());
        assertEquals(EXPIRY, kept.subscription().expireTime(), "back to the bought period's end");
        assertEquals("CBC.0100", unsubscribe(world, List.of(TO_UNSUBSCRIBE), 2).errorCode(), "no renewal left");
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void refusalsNameTheCauseAndWriteNothing(TestWorld world) {
        Object before = world.state();
        assertRefused(unsubscribe(world, List.of(TestWorld.STANDARD), 1), "CBC.0101", "billed postPaid");
        assertRefused(unsubscribe(world, List.of(TestWorld.UNPAID), 1), "CBC.0101", "has the unfinished order");
        assertRefused(unsubscribe(world, List.of(TO_UNSUBSCRIBE, TestWorld.MISSING), 1), "CBC.99003012",
                TestWorld.MISSING);
        assertRefused(unsubscribe(world, List.of(TO_UNSUBSCRIBE), 3), "CBC.0100", "unsubscribe_type must be 1");
        assertRefused(unsubscribe(world, List.of(TO_UNSUBSCRIBE, TestWorld.STANDARD), 1), "CBC.0101",
                "billed postPaid");
        assertRefused(world.send(Operation.CANCEL_RESOURCES_SUBSCRIPTION, "POST", Map.of(), Map.of(),
                "{\"resource_ids\": [\"" + TO_UNSUBSCRIBE + "\"], \"unsubscribe_type\": 1, "
                        + "\"unsubscribe_reason_type\": 6}", ACCOUNT_TOKEN), "CBC.0100", "1..5");
        assertEquals(before, world.state(), "nothing written by a refused unsubscription");
    }

    private static void assertRefused(TestWorld.Response answer, String code, String part) {
        assertEquals(400, answer.status(), answer.body().toString());
        assertEquals(code, answer.errorCode(), answer.body().toString());
        assertTrue(answer.errorMessage().contains(part), answer.errorMessage());
    }
}

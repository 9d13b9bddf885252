package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.ACCOUNT_TOKEN;
import static cloud.iotda.testing.TestWorld.DOMAIN_ID;
import static cloud.iotda.testing.TestWorld.ENTERPRISE;
import static cloud.iotda.testing.TestWorld.PREPAID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskStatus;
import cloud.iotda.domain.task.TaskType;
import cloud.iotda.edge.Operation;
import cloud.iotda.testing.TestWorld;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The billing API's RenewalResources: each resource renewed by its own order from its expiry, all written as one;
 * with {@code is_auto_pay} 1 paid from the balance when it holds their sum, otherwise awaiting payment with the
 * instances held as they were (a FROZEN one stays frozen until paid). On DynamoDB Local and in memory alike.
 */
class RenewalResourcesTest {
    /** Bought 2025-11-20 for a month: expired 2025-12-20, frozen since 2026-01-04, deleted 2026-01-19. */
    private static final String IN_RETENTION = "2a2b3c4d-0000-4000-8000-0000000000a1";
    private static final Instant OLD_EXPIRY = Instant.parse("2025-12-20T10:00:00Z");

    static Stream<TestWorld> worlds() {
        return Stream.of(new TestWorld(), TestWorld.inMemory());
    }

    private static TestWorld.Response renew(TestWorld world, String body) {
        return world.send(Operation.RENEWAL_RESOURCES, "POST", Map.of(), Map.of(), body, ACCOUNT_TOKEN);
    }

    private static String body(List<String> ids, int periodType, int periodNum, int autoPay) {
        return "{\"resource_ids\": [" + String.join(", ", ids.stream().map(id -> "\"" + id + "\"").toList())
                + "], \"period_type\": " + periodType + ", \"period_num\": " + periodNum
                + ", \"expire_policy\": 0, \"is_auto_pay\": " + autoPay + "}";
    }

    /** The orders an answer's {@code order_ids} name, as stored. */
    static List<Order> orders(TestWorld world, TestWorld.Response answer) {
        assertEquals(200, answer.status(), answer.body().toString());
        List<Order> orders = new ArrayList<>();
        for (JsonNode id : answer.body().path("order_ids")) {
            orders.add(world.orders.findById(new OrderId(id.asText())).orElseThrow());
        }
        return orders;
    }

    static Amount balance(TestWorld world) {
        return world.credentials.findAccount(DOMAIN_ID).orElseThrow().balance();
    }

    private static Amount monthOf(TestWorld world, String instanceId) {
        return CatalogueFile.prices().of(world.instance(instanceId).flavor(), PeriodType.MONTH, 1);
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void autoPaidRenewalsTakeTheirSumAndCountFromEachExpiry(TestWorld world) {
        Instant prepaidExpiry = world.instance(PREPAID).subscription().expireTime();
        Amount before = balance(world);
        Amount sum = monthOf(world, PREPAID).plus(monthOf(world, ENTERPRISE));

        List<Order> renewals = orders(world, renew(world, body(List.of(PREPAID, ENTERPRISE), 2, 1, 1)));
        assertEquals(2, renewals.size());
        assertEquals(TestWorld.ref(PREPAID), renewals.get(0).instance(), "in the order asked");
        assertTrue(renewals.stream().allMatch(order -> order.status() == OrderStatus.COMPLETED), renewals::toString);
        assertEquals(before.minus(sum), balance(world), "the sum taken once");
        assertEquals(prepaidExpiry.atZone(ZoneOffset.UTC).plusMonths(1).toInstant(),
                world.instance(PREPAID).subscription().expireTime());
        assertNull(world.instance(PREPAID).orderId(), "a paid renewal holds nothing");
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void whenTheBalanceHoldsEachButNotTheSumAllAwaitPaymentAndNothingIsTaken(TestWorld world) {
        Amount sum = monthOf(world, PREPAID).plus(monthOf(world, ENTERPRISE));
        Amount left = sum.minus(new Amount(1));
        BalanceTest.drainTo(world, left);
        Instant expiry = world.instance(PREPAID).subscription().expireTime();

        List<Order> renewals = orders(world, renew(world, body(List.of(PREPAID, ENTERPRISE), 2, 1, 1)));
        assertTrue(renewals.stream().allMatch(order -> order.status() == OrderStatus.PENDING_PAYMENT),
                renewals::toString);
        assertEquals(left, balance(world), "nothing taken");
        Instance held = world.instance(PREPAID);
        assertEquals(renewals.get(0).orderId(), held.orderId(), "held until paid or cancelled");
        assertEquals(InstanceStatus.ACTIVE, held.status(), "and working");
        assertEquals(expiry, held.subscription().expireTime(), "renewed only once paid");

        TestWorld.Response paid = world.send(Operation.PAY_ORDERS, "POST", Map.of(), Map.of(), "{\"order_id\": \""
                + renewals.get(0).orderId().value() + "\", \"use_coupon\": \"NO\", \"use_discount\": \"NO\"}",
                ACCOUNT_TOKEN);
        assertEquals(204, paid.status(), String.valueOf(paid.body()));
        assertEquals(expiry.atZone(ZoneOffset.UTC).plusMonths(1).toInstant(),
                world.instance(PREPAID).subscription().expireTime());
        assertEquals(left.minus(monthOf(world, PREPAID)), balance(world));
        assertNull(world.instance(PREPAID).orderId());
    }

    private static void frozenInRetention(TestWorld world) {
        world.instances.create(Instance.create(TestWorld.ref(IN_RETENTION), Edition.STANDARD, TestWorld.S1_X2)
                .regionId(TestWorld.REGION).status(InstanceStatus.FROZEN)
                .prePaid(Subscription.startingAt(Instant.parse("2025-11-20T10:00:00Z"), PeriodType.MONTH, 1, false))
                .at(Instant.parse("2025-11-20T10:00:00Z")));
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void aRenewalInRetentionCountsFromTheOldExpiryAndUnfreezesByATask(TestWorld world) {
        frozenInRetention(world);
        List<Order> renewals = orders(world, renew(world, body(List.of(IN_RETENTION), 2, 2, 1)));
        assertEquals(OrderStatus.COMPLETED, renewals.get(0).status());
        Instance renewed = world.instance(IN_RETENTION);
        assertEquals(InstanceStatus.ACTIVE, renewed.status());
        assertEquals(Instant.parse("2026-02-20T10:00:00Z"), renewed.subscription().expireTime(),
                "two months from " + OLD_EXPIRY + ", not from now");
        Task unfreeze = world.tasks.find(TestWorld.ref(IN_RETENTION), renewals.get(0).taskId()).orElseThrow();
        assertEquals(TaskType.UNFREEZE, unfreeze.type());
        assertEquals(TaskStatus.SUCCESS, unfreeze.status());
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void anUnpaidRenewalInRetentionLeavesTheInstanceFrozenUntilPaid(TestWorld world) {
        frozenInRetention(world);
        Order renewal = orders(world, renew(world, body(List.of(IN_RETENTION), 2, 1, 0))).get(0);
        assertEquals(OrderStatus.PENDING_PAYMENT, renewal.status());
        assertEquals(InstanceStatus.FROZEN, world.instance(IN_RETENTION).status());
        JsonNode details = world.send(Operation.SHOW_CUSTOMER_ORDER_DETAILS, "GET",
                Map.of("order_id", renewal.orderId().value()), Map.of(), null, ACCOUNT_TOKEN).body();
        assertEquals(2, details.path("order_info").path("order_type").asInt(), "a renewal: " + details);
        assertEquals(6, details.path("order_info").path("status").asInt(), "pending payment: " + details);

        world.service.lifecycle().payFrom(renewal.orderId(), world.service.payers());
        Instance paid = world.instance(IN_RETENTION);
        assertEquals(InstanceStatus.ACTIVE, paid.status(), "unfrozen when paid");
        assertEquals(OLD_EXPIRY.plus(Duration.ofDays(31)), paid.subscription().expireTime());
        assertEquals(TaskStatus.SUCCESS, world.tasks.find(TestWorld.ref(IN_RETENTION), renewal.taskId())
                .orElseThrow().status());
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void refusalsNameTheFieldAndWriteNothing(TestWorld world) {
        Object before = world.state();
        Map<String, String> refused = Map.of(
                body(List.of(PREPAID), 2, 12, 1), "CBC.0100 period_num must be 1..11",
                body(List.of(PREPAID), 3, 4, 1), "CBC.0100 period_num must be 1..3",
                body(List.of(PREPAID), 1, 1, 1), "CBC.0100 period_type must be 2 (month) or 3 (year)",
                body(List.of(PREPAID), 2, 1, 2), "CBC.0100 is_auto_pay must be 0 or 1",
                body(List.of(PREPAID, PREPAID), 2, 1, 1), "CBC.0100 must not name a resource twice",
                body(List.of(), 2, 1, 1), "CBC.0100 resource_ids must name 1..10 resources",
                body(List.of(PREPAID, TestWorld.MISSING), 2, 1, 1), "CBC.99003012 " + TestWorld.MISSING,
                body(List.of(PREPAID, TestWorld.STANDARD), 2, 1, 1), "CBC.0101 billed postPaid",
                body(List.of(TestWorld.UNPAID), 2, 1, 0), "CBC.0101 has the unfinished order");
        refused.forEach((request, expected) -> {
            TestWorld.Response answer = renew(world, request);
            String code = expected.substring(0, expected.indexOf(' '));
            assertEquals(400, answer.status(), request + " -> " + answer.body());
            assertEquals(code, answer.errorCode(), request + " -> " + answer.body());
            assertTrue(answer.errorMessage().contains(expected.substring(code.length() + 1)),
                    request + " -> " + answer.errorMessage());
        });
        assertEquals(before, world.state(), "nothing written by a refused renewal");
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void elevenResourcesAreTooManyAndMonthsUpToElevenRenew(TestWorld world) {
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(String.format("2a2b3c4d-0000-4000-8000-0000000001%02d", i));
        }
        TestWorld.Response tooMany = renew(world, body(eleven, 2, 1, 1));
        assertEquals("CBC.0100", tooMany.errorCode(), tooMany.body().toString());
        Instant expiry = world.instance(PREPAID).subscription().expireTime();
        orders(world, renew(world, body(List.of(PREPAID), 2, 11, 1)));
        assertEquals(expiry.atZone(ZoneOffset.UTC).plusMonths(11).toInstant(),
                world.instance(PREPAID).subscription().expireTime());
        assertEquals(TestWorld.BALANCE.minus(monthOf(world, PREPAID).times(11)), balance(world), "11 months paid");
    }
}

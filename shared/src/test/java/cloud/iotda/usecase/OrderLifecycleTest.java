package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.PREPAID;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.catalogue.FlavorSpec;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.edge.Json;
import cloud.iotda.edge.RequestBodies;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.testing.TestWorld.Response;
import cloud.iotda.usecase.port.ErrorLog;
import cloud.iotda.usecase.port.Orders;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Orders finish: scheduled ones run inside their window (and only there), unpaid ones are paid, cancelled or expire.
 * The clock is the test's; every transition is checked through ShowInstance and the order queries.
 */
class OrderLifecycleTest {
    private final TestWorld world = TestWorld.inMemory();
    private final OrderLifecycle lifecycle = world.service.lifecycle();
    private final OrderProcessor processor = world.service.orderProcessor();
    private final List<String> loggedErrors = new CopyOnWriteArrayList<>();

    private OrderProcessor processorOn(Orders orders) {
        ErrorLog log = (message, error) -> loggedErrors.add(message + ": " + error.getMessage());
        return new OrderProcessor(world.instances, orders, world.tasks,
                new InstanceFlavors(CatalogueFile.published(), world.sales),
                new Subscriptions(world.instances, orders, world.tasks, new IdSource(), world.clock,
                        RetryPolicy.standard(), log, world.service.payers(), Lapse.STANDARD), world.passes, world.clock,
                RetryPolicy.standard(), log, 1);
    }

    private static OrderProcessor.Report run(OrderProcessor processor, int pageSize) {
        return processor.processDue(pageSize, () -> true);
    }

    private String delayedResize(String instanceId, int size) {
        Response response = world.resize(instanceId,
                "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":" + size + "},\"delay\":true}");
        assertEquals(200, response.status(), response.body().toString());
        return response.orderId();
    }

    private String orderStatus(String instanceId, String orderId) {
        Response shown = world.showOrder(instanceId, orderId);
        assertEquals(200, shown.status(), shown.body().toString());
        return shown.body().get("status").asText();
    }

    private int shownSize(String instanceId) {
        return world.showInstance(instanceId).body().get("flavor").get("size").asInt();
    }

    @Test
    void delayedResizeRunsInsideTheWindowAndNotBefore() {
        String orderId = delayedResize(STANDARD, 8);
        assertEquals("2026-01-16T02:00:00Z", world.showOrder(STANDARD, orderId).body().get("execute_after").asText());
        assertEquals(orderId, world.showInstance(STANDARD).body().get("order_id").asText());

        world.clock.set(Instant.parse("2026-01-16T01:59:59Z"));
        assertEquals(0, processor.processDue().executed());
        assertEquals("SCHEDULED", orderStatus(STANDARD, orderId));
        assertEquals(2, shownSize(STANDARD));

        world.clock.set(Instant.parse("2026-01-16T02:00:00Z"));
        assertEquals(1, processor.processDue().executed());
        assertEquals("COMPLETED", orderStatus(STANDARD, orderId));
        Response shown = world.showInstance(STANDARD);
        assertEquals(8, shown.body().get("flavor").get("size").asInt());
        assertEquals("ACTIVE", shown.body().get("status").asText());
        assertTrue(shown.body().path("order_id").isMissingNode(), "no unfinished order any more");
        assertEquals("2026-01-16T02:00:00Z", world.showOrder(STANDARD, orderId).body().get("update_time").asText());
    }

    @Test
    void windowThatWrapsMidnightRunsAfterMidnight() {
        Response placed = world.resize(PREPAID,
                "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":4},\"delay\":true,\"is_auto_pay\":true}");
        assertEquals("SCHEDULED", orderStatus(PREPAID, placed.orderId()));
        assertEquals("2026-01-15T23:00:00Z",
                world.showOrder(PREPAID, placed.orderId()).body().get("execute_after").asText());

        world.clock.set(Instant.parse("2026-01-16T00:30:00Z"));
        assertEquals(1, processor.processDue().executed());
        assertEquals(4, shownSize(PREPAID));
    }

    @Test
    void orderWhoseWindowPassedWhileNothingRanWaitsForTheNextWindow() {
        String orderId = delayedResize(STANDARD, 8);
        world.clock.set(Instant.parse("2026-01-16T05:00:00Z"));

        OrderProcessor.Report report = processor.processDue();

        assertEquals(0, report.executed());
        assertEquals(1, report.deferred());
        assertEquals("SCHEDULED", orderStatus(STANDARD, orderId));
        assertEquals("2026-01-17T02:00:00Z", world.showOrder(STANDARD, orderId).body().get("execute_after").asText());
        world.clock.set(Instant.parse("2026-01-17T01:00:00Z"));
        assertEquals(0, processor.processDue().executed(), "not before the window opens");
        world.clock.set(Instant.parse("2026-01-17T02:10:00Z"));
        assertEquals(1, processor.processDue().executed());
        assertEquals(8, shownSize(STANDARD));
    }

    @Test
    void orderPlacedWhileTheWindowIsOpenRunsInThatWindow() {
        world.clock.set(Instant.parse("2026-01-16T03:00:00Z"));
        String orderId = delayedResize(STANDARD, 5);
        assertEquals("2026-01-16T03:00:00Z", world.showOrder(STANDARD, orderId).body().get("execute_after").asText());
        world.clock.advance(Duration.ofMinutes(5));
        assertEquals(1, processor.processDue().executed());
        assertEquals(5, shownSize(STANDARD));
    }

    @Test
    void changingTheWindowMovesTheScheduledOrder() {
        String orderId = delayedResize(STANDARD, 8);
        Response updated = world.updateInstance(STANDARD,
                "{\"operate_window\":{\"start_time\":\"12:00\",\"end_time\":\"13:00\"}}");
        assertEquals(200, updated.status(), updated.body().toString());
        assertEquals("2026-01-15T12:00:00Z", world.showOrder(STANDARD, orderId).body().get("execute_after").asText());
        world.clock.set(Instant.parse("2026-01-15T12:01:00Z"));
        assertEquals(1, processor.processDue().executed());
    }

    private List<String> scheduledOnClones(int count) {
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("2a2b3c4d-0000-4000-8000-0000000001%02d", i);
            world.cloneInstance(STANDARD, id);
            orderIds.add(delayedResize(id, 10 + i));
        }
        return orderIds;
    }

    private void assertAllExecutedOnce(int count) {
        for (int i = 0; i < count; i++) {
            String id = String.format("2a2b3c4d-0000-4000-8000-0000000001%02d", i);
            Instance instance = world.instance(id);
            assertEquals(new Flavor("iotda.standard.s1", 10 + i), instance.flavor());
            assertEquals(2, instance.version(), "one write to place the order, one to run it");
            assertNull(instance.orderId());
            List<Order> orders = world.ordersOf(id);
            assertEquals(1, orders.size());
            assertEquals(OrderStatus.COMPLETED, orders.get(0).status());
        }
    }

    @Test
    void processesOrdersInPages() {
        scheduledOnClones(5);
        world.clock.set(Instant.parse("2026-01-16T02:30:00Z"));
        assertEquals(5, run(processor, 2).executed());
        assertAllExecutedOnce(5);
    }

    @Test
    void runningTwiceOrFourAtOnceAppliesEachOrderOnce() throws Exception {
        scheduledOnClones(6);
        world.clock.set(Instant.parse("2026-01-16T02:30:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<OrderProcessor.Report>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                OrderProcessor racing = processorOn(world.orders);
                runs.add(pool.submit(() -> {
                    start.await();
                    return run(racing, 2);
                }));
            }
            start.countDown();
            int executed = 0;
            for (Future<OrderProcessor.Report> run : runs) {
                executed += run.get().executed();
            }
            assertEquals(6, executed, "each order executed by exactly one of the four runs");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, processor.processDue().executed(), "a second run finds nothing left");
        assertAllExecutedOnce(6);
    }

    /** The real store, but {@code failure} is thrown instead of the n-th order write of a run. */
    private static Orders failingOn(Orders orders, int failingWrite, AtomicInteger writes, Throwable failure) {
        return (Orders) Proxy.newProxyInstance(Orders.class.getClassLoader(), new Class<?>[] {Orders.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("apply") && writes.incrementAndGet() == failingWrite) {
                        throw failure;
                    }
                    try {
                        return method.invoke(orders, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static final class Crash extends Error {
    }

    @Test
    void crashBetweenTwoOrdersLosesAndRepeatsNothing() {
        scheduledOnClones(4);
        world.clock.set(Instant.parse("2026-01-16T02:30:00Z"));
        AtomicInteger transitions = new AtomicInteger();
        // The process "dies" (an Error nobody catches) on the third write of the run.
        OrderProcessor dying = processorOn(failingOn(world.orders, 3, transitions, new Crash()));

        assertThrows(Crash.class, () -> run(dying, 2));

        assertEquals(3, transitions.get());
        long completed = IntStream.range(0, 4)
                .mapToObj(i -> world.ordersOf(String.format("2a2b3c4d-0000-4000-8000-0000000001%02d", i)).get(0))
                .filter(order -> order.status() == OrderStatus.COMPLETED).count();
        assertEquals(2, completed, "the two writes before the crash, and no other");
        OrderProcessor.Report next = run(processor, 2);
        assertEquals(2, next.executed(), "the two orders the crash left are run by the next run, the others not again");
        assertAllExecutedOnce(4);
    }

    @Test
    void failureOfOneOrderDoesNotStopTheRun() {
        scheduledOnClones(3);
        world.clock.set(Instant.parse("2026-01-16T02:30:00Z"));
        Orders flaky = failingOn(world.orders, 1, new AtomicInteger(),
                new IllegalStateException("DynamoDB unavailable"));

        OrderProcessor.Report report = processorOn(flaky).processDue();

        assertEquals(1, report.failed());
        assertEquals(1, loggedErrors.size());
        assertTrue(loggedErrors.get(0).endsWith("could not be processed: DynamoDB unavailable"),
                loggedErrors.toString());
        assertEquals(2, report.executed());
        assertEquals(1, processor.processDue().executed(), "the failed one stays due");
        assertAllExecutedOnce(3);
    }

    @Test
    void payingAnOrderAppliesIt() {
        Response placed = world.resize(PREPAID, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3}}");
        assertEquals("PENDING_PAYMENT", orderStatus(PREPAID, placed.orderId()));
        assertEquals("TRADING", world.showInstance(PREPAID).body().get("status").asText());

        world.clock.advance(Duration.ofHours(1));
        Order paid = lifecycle.pay(new OrderId(placed.orderId()));

        assertEquals(OrderStatus.COMPLETED, paid.status());
        assertEquals("COMPLETED", orderStatus(PREPAID, placed.orderId()));
        assertEquals(3, shownSize(PREPAID));
        assertEquals("ACTIVE", world.showInstance(PREPAID).body().get("status").asText());
        Rejected again = assertThrows(Rejected.class, () -> lifecycle.pay(new OrderId(placed.orderId())));
        assertEquals(Reason.ORDER_NOT_PAYABLE, again.reason());
        assertEquals(Reason.ORDER_NOT_FOUND,
                assertThrows(Rejected.class, () -> lifecycle.pay(new OrderId("CS260101000000ZZZZZ"))).reason());
    }

    @Test
    void payingADelayedOrderSchedulesIt() {
        Response placed = world.resize(PREPAID,
                "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":6},\"delay\":true}");
        assertEquals("PENDING_PAYMENT", orderStatus(PREPAID, placed.orderId()));

        assertEquals(OrderStatus.SCHEDULED, lifecycle.pay(new OrderId(placed.orderId())).status());
        assertEquals("ACTIVE", world.showInstance(PREPAID).body().get("status").asText());
        assertEquals(placed.orderId(), world.showInstance(PREPAID).body().get("order_id").asText());

        world.clock.set(Instant.parse("2026-01-15T23:30:00Z"));
        assertEquals(1, processor.processDue().executed());
        assertEquals(6, shownSize(PREPAID));
    }

    @Test
    void payingAChargeModeChangeStartsTheSubscriptionThen() {
        Response placed = world.changeChargeMode(STANDARD,
                "{\"period_type\":\"year\",\"period_num\":1,\"is_auto_renew\":true}");
        world.clock.set(Instant.parse("2026-01-20T08:00:00Z"));
        lifecycle.pay(new OrderId(placed.orderId()));
        Instance instance = world.instance(STANDARD);
        assertEquals("prePaid", world.showInstance(STANDARD).body().get("charge_mode").asText());
        assertEquals(Instant.parse("2027-01-20T08:00:00Z"), instance.subscription().expireTime());
    }

    @Test
    void cancellingReleasesTheInstanceUnchanged() {
        Response placed = world.resize(PREPAID, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3}}");

        assertEquals(OrderStatus.CANCELLED, lifecycle.cancel(new OrderId(placed.orderId())).status());

        Response shown = world.showInstance(PREPAID);
        assertEquals("ACTIVE", shown.body().get("status").asText());
        assertEquals(2, shown.body().get("flavor").get("size").asInt());
        assertEquals("CANCELLED", orderStatus(PREPAID, placed.orderId()));
        assertEquals(Reason.ORDER_FINISHED,
                assertThrows(Rejected.class, () -> lifecycle.cancel(new OrderId(placed.orderId()))).reason());
        assertEquals(200, world.resize(PREPAID,
                "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":5},\"is_auto_pay\":true}").status(),
                "the instance takes orders again");
    }

    @Test
    void unpaidOrderIsCancelledAfterSevenDays() {
        Response placed = world.changeChargeMode(STANDARD, "{\"period_type\":\"month\",\"period_num\":1}");

        world.clock.set(TestWorld.START.plus(Duration.ofDays(7)).minusSeconds(1));
        assertEquals(0, processor.processDue().expired());
        assertEquals("PENDING_PAYMENT", orderStatus(STANDARD, placed.orderId()));

        world.clock.set(TestWorld.START.plus(Duration.ofDays(7)));
        assertEquals(1, processor.processDue().expired());
        assertEquals("CANCELLED", orderStatus(STANDARD, placed.orderId()));
        Response shown = world.showInstance(STANDARD);
        assertEquals("ACTIVE", shown.body().get("status").asText());
        assertEquals("postPaid", shown.body().get("charge_mode").asText());
        assertEquals(Optional.empty(), Optional.ofNullable(world.instance(STANDARD).orderId()));
    }

    @Test
    void anOrderPastItsTimeToPayIsNotPaidBeforeTheProcessorCancelsIt() {
        Response placed = world.changeChargeMode(STANDARD, "{\"period_type\":\"month\",\"period_num\":1}");
        world.clock.set(TestWorld.START.plus(Duration.ofDays(7)));
        Rejected late = assertThrows(Rejected.class, () -> lifecycle.pay(new OrderId(placed.orderId())));
        assertEquals(Reason.ORDER_NOT_PAYABLE, late.reason());
        assertEquals("PENDING_PAYMENT", orderStatus(STANDARD, placed.orderId()), "left to the processor");
        assertEquals(1, processor.processDue().expired());
    }

    private static final Set<ChargeMode> BOTH = Set.of(ChargeMode.POST_PAID, ChargeMode.PRE_PAID);

    /** A catalogue with one more flavor than the published one, as it stood when the orders below were placed. */
    private static FlavorCatalogue catalogueWithRetiredFlavor() {
        return new FlavorCatalogue(List.of(
                new FlavorSpec("iotda.standard.s1", Edition.STANDARD, 1, 200, BOTH),
                new FlavorSpec("iotda.standard.retired", Edition.STANDARD, 1, 200, BOTH)));
    }

    @Test
    void ordersNamingAFlavorSinceRemovedFromTheCatalogueStillRunAndCanBePaid() {
        FlavorCatalogue then = catalogueWithRetiredFlavor();
        PlaceOrder placedThen = new PlaceOrder(world.instances, world.orders, new InstanceFlavors(then, world.sales),
                new IdSource(), world.clock, RetryPolicy.standard(), world.service.payers());
        Flavor retired = new Flavor("iotda.standard.retired", 6);
        OrderId scheduled = placedThen.place(TestWorld.ref(STANDARD), new Change.Resize(retired, true, false));
        OrderId unpaid = placedThen.place(TestWorld.ref(PREPAID), new Change.Resize(retired, false, false));
        // The published catalogue no longer has it: a new request naming it is refused...
        assertThrows(Rejected.class, () -> RequestBodies.resize(Json.parseObject(
                "{\"flavor\":{\"type\":\"iotda.standard.retired\",\"size\":6}}".getBytes(StandardCharsets.UTF_8)),
                CatalogueFile.published()));

        // ...but the orders already taken run on what they stored.
        assertEquals(OrderStatus.COMPLETED, lifecycle.pay(unpaid).status());
        assertEquals(retired, world.instance(PREPAID).flavor());
        world.clock.set(Instant.parse("2026-01-16T02:00:00Z"));
        OrderProcessor.Report report = processor.processDue();
        assertEquals(1, report.executed());
        assertEquals(0, report.failed());
        assertEquals(retired, world.instance(STANDARD).flavor());
        assertEquals("COMPLETED", orderStatus(STANDARD, scheduled.value()));
    }

    @Test
    void aRunThatCouldNotFinishReportsHowLongItsOldestDueOrderHasWaited() {
        delayedResize(STANDARD, 8);
        delayedResize(TestWorld.DELAYED, 8);
        world.clock.set(Instant.parse("2026-01-16T02:30:00Z"));
        OrderProcessor.Report stopped = processor.processDue(1, () -> false);
        assertEquals(1, stopped.executed());
        assertEquals(Duration.ofMinutes(30), stopped.oldestDue(), "due at 02:00, still due at 02:30");
        OrderProcessor.Report next = processor.processDue();
        assertEquals(1, next.executed());
        assertEquals(Duration.ZERO, next.oldestDue(), "nothing left due");
    }
}

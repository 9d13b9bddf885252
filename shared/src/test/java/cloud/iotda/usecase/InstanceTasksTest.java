package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.ENTERPRISE;
import static cloud.iotda.testing.TestWorld.PREPAID;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static cloud.iotda.testing.TestWorld.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskStatus;
import cloud.iotda.domain.task.TaskType;
import cloud.iotda.edge.Operation;
import cloud.iotda.testing.TestWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every change of an instance is a task, written with it; the task queries keep the newest 20 of 180 days. */
class InstanceTasksTest {
    private final TestWorld world = TestWorld.inMemory();
    private final InstanceTasks queries = world.service.useCases().instanceTasks();

    private List<Task> tasksOf(String instanceId) {
        return queries.list(ref(instanceId), Optional.empty(), 0, 500).tasks();
    }

    private Task newest(String instanceId) {
        return tasksOf(instanceId).get(0);
    }

    private Order order(String instanceId, String orderId) {
        return world.orders.find(ref(instanceId), new OrderId(orderId)).orElseThrow();
    }

    @Test
    void anImmediateResizeIsAModifyTaskThatSucceededAtOnceNamingItsOrderAndTarget() {
        String orderId = world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}").orderId();
        Task task = newest(STANDARD);
        assertEquals(TaskType.MODIFY, task.type());
        assertEquals(TaskStatus.SUCCESS, task.status());
        assertEquals(100, task.progress());
        assertEquals(world.clock.instant(), task.startTime());
        assertEquals(world.clock.instant(), task.endTime());
        assertEquals(new Flavor("iotda.standard.s2", 4), task.targetConfig().flavor());
        assertEquals(orderId, task.orderId().value(), "the task names its order");
        assertEquals(task.taskId(), order(STANDARD, orderId).taskId(), "and the order its task");
    }

    @Test
    void aDelayedResizeWaitsForItsWindowAndSucceedsWhenTheProcessorRunsIt() {
        String orderId = world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4},"
                + "\"delay\":true}").orderId();
        Task pending = newest(STANDARD);
        assertEquals(TaskStatus.PENDING, pending.status());
        assertEquals(0, pending.progress());
        assertEquals(world.instance(STANDARD).profile().operateWindow(), pending.operateWindow(),
                "a delayed task carries the window it waits for");
        assertNull(pending.startTime());

        world.clock.set(Instant.parse("2026-01-16T02:30:00Z"));
        world.service.orderProcessor().processDue();
        Task done = queries.show(ref(STANDARD), pending.taskId());
        assertEquals(TaskStatus.SUCCESS, done.status());
        assertEquals(Instant.parse("2026-01-16T02:30:00Z"), done.endTime());
        assertEquals("COMPLETED", world.showOrder(STANDARD, orderId).body().get("status").asText());
    }

    @Test
    void aChangeOfBillingIsAModifyTaskToPrePaidThatEndsWhenItsOrderIsPaidOrFailsWhenCancelled() {
        String paid = world.changeChargeMode(STANDARD, "{\"period_type\":\"month\",\"period_num\":1}").orderId();
        Task task = newest(STANDARD);
        assertEquals(TaskType.MODIFY, task.type());
        assertEquals(ChargeMode.PRE_PAID, task.targetConfig().chargeMode());
        assertEquals(TaskStatus.PENDING, task.status());
        world.service.lifecycle().pay(new OrderId(paid));
        assertEquals(TaskStatus.SUCCESS, queries.show(ref(STANDARD), task.taskId()).status());

        String cancelled = world.resize(PREPAID, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3}}").orderId();
        Task unpaid = newest(PREPAID);
        world.service.lifecycle().cancel(new OrderId(cancelled));
        Task ended = queries.show(ref(PREPAID), unpaid.taskId());
        assertEquals(TaskStatus.FAILED, ended.status());
        assertEquals("the order " + cancelled + " was cancelled", ended.statusDetail());
    }

    @Test
    void createAndDeleteAreTasksAndADeletedInstancesTasksStayQueryable() {
        TestWorld.Response created = world.send(Operation.CREATE_INSTANCE, "POST",
                Map.of("project_id", TestWorld.PROJECT), Map.of(), "{\"instance_type\":\"standard\",\"flavor\":"
                        + "{\"type\":\"iotda.standard.s1\",\"size\":1},\"name\":\"t\",\"charge_info\":"
                        + "{\"charge_mode\":\"postPaid\"}}", TestWorld.TOKEN);
        String id = created.body().get("instance_id").asText();
        assertEquals(List.of(TaskType.CREATE), tasksOf(id).stream().map(Task::type).toList());
        assertEquals(TaskStatus.SUCCESS, newest(id).status());

        world.call(Operation.DELETE_INSTANCE, "DELETE", id, null, TestWorld.TOKEN);
        assertEquals(List.of(TaskType.DELETE, TaskType.CREATE), tasksOf(id).stream().map(Task::type).toList());
    }

    @Test
    void accessAllowListAndSnatChangesAreTasksAndARenameIsNot() {
        world.updateInstance(ENTERPRISE, "{\"name\":\"renamed\"}");
        assertEquals(List.of(), tasksOf(ENTERPRISE), "a rename makes no task");
        world.updateInstance(ENTERPRISE, "{\"access_info\":{\"access_type\":\"APP_HTTPS\",\"domain_name\":"
                + "\"a.example.com\",\"ip_whitelist\":{\"enable\":true,\"allow_list\":[{\"address\":\"192.0.2.7\"}]}},"
                + "\"forwarding_info\":{\"enable_snat\":true}}");
        assertEquals(List.of(TaskType.OPEN_SNAT, TaskType.UPDATE_ALLOW_LISTS, TaskType.UPDATE_ACCESS_CONFIG),
                tasksOf(ENTERPRISE).stream().map(Task::type).toList());
        tasksOf(ENTERPRISE).forEach(task -> assertEquals(TaskStatus.SUCCESS, task.status()));
    }

    @Test
    void onlyTheNewest20AreKeptAndShownNewestFirst() {
        for (int i = 1; i <= 25; i++) {
            world.clock.advance(Duration.ofSeconds(1));
            world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":" + (i % 2 == 0 ? 2 : 3)
                    + "}}");
        }
        InstanceTasks.TaskPage all = queries.list(ref(STANDARD), Optional.empty(), 0, 500);
        assertEquals(20, all.count());
        assertEquals(20, all.tasks().size());
        for (int i = 1; i < all.tasks().size(); i++) {
            assertEquals(-1, Long.signum(all.tasks().get(i).taskId().sequence().orElseThrow()
                    - all.tasks().get(i - 1).taskId().sequence().orElseThrow()), "newest first");
        }
        Task oldestKept = all.tasks().get(19);
        assertEquals(6L, oldestKept.taskId().sequence().orElseThrow());
        Task first = world.tasks.newest(ref(STANDARD), 500).get(24);
        Rejected gone = assertThrows(Rejected.class, () -> queries.show(ref(STANDARD), first.taskId()));
        assertEquals(Reason.TASK_NOT_FOUND, gone.reason());

        InstanceTasks.TaskPage page = queries.list(ref(STANDARD), Optional.empty(), 0, 8);
        InstanceTasks.TaskPage next = queries.list(ref(STANDARD),
                Optional.of(page.tasks().get(7).taskId()), 0, 8);
        assertEquals(all.tasks().subList(8, 16), next.tasks());
        assertEquals(all.tasks().subList(10, 12), queries.list(ref(STANDARD), Optional.empty(), 10, 2).tasks());
        assertEquals(next.tasks().get(7).taskId().value(), next.marker().orElseThrow());
    }

    @Test
    void aTaskIsKeptFor180Days() {
        world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}");
        Task task = newest(STANDARD);
        world.clock.advance(Duration.ofDays(180));
        assertEquals(task, queries.show(ref(STANDARD), task.taskId()));
        world.clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), tasksOf(STANDARD));
        assertEquals(Reason.TASK_NOT_FOUND,
                assertThrows(Rejected.class, () -> queries.show(ref(STANDARD), task.taskId())).reason());
    }

    @Test
    void aRefusedChangeMakesNoTask() {
        Object before = world.state();
        assertEquals(400, world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2}}")
                .status());
        assertEquals(before, world.state());
    }

    private String delayedResizeToS3() {
        return world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s3\",\"size\":2},\"delay\":true}")
                .orderId();
    }

    @Test
    void aPlacedResizeWhoseFlavorSoldOutFailsWhenItRunsChangingNothingAndHoldsTheInstance() {
        String orderId = delayedResizeToS3();
        Task placed = newest(STANDARD);
        world.sales.setSaleStatus("iotda.standard.s3", SaleStatus.SELLOUT);
        world.clock.set(Instant.parse("2026-01-16T02:30:00Z"));
        OrderProcessor.Report report = world.service.orderProcessor().processDue();
        assertEquals(1, report.tasksFailed(), report.toString());

        Task failed = queries.show(ref(STANDARD), placed.taskId());
        assertEquals(TaskStatus.FAILED, failed.status());
        assertEquals("the flavor iotda.standard.s3 is sold out", failed.statusDetail());
        assertEquals(0, failed.progress());
        assertEquals(Instant.parse("2026-01-16T02:30:00Z"), failed.endTime());
        Instance instance = world.instance(STANDARD);
        assertEquals(InstanceStatus.MODIFY_FAILED, instance.status());
        assertEquals(TestWorld.S1_X2, instance.flavor(), "flavor unchanged");
        assertEquals(ChargeMode.POST_PAID, instance.chargeMode(), "billing unchanged");
        assertEquals(OrderStatus.FAILED, order(STANDARD, orderId).status());
        assertEquals(400, world.resize(STANDARD, "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}")
                .status(), "it accepts no other order until retried or cancelled");
    }

    @Test
    void aRetryRunsAgainFailingWhileSoldOutAndSucceedsOnceOnSale() {
        delayedResizeToS3();
        Task placed = newest(STANDARD);
        world.sales.setSaleStatus("iotda.standard.s3", SaleStatus.SELLOUT);
        world.clock.set(Instant.parse("2026-01-16T02:30:00Z"));
        world.service.orderProcessor().processDue();

        world.clock.advance(Duration.ofMinutes(1));
        Task again = world.service.lifecycle().retry(ref(STANDARD), placed.taskId());
        assertEquals(TaskStatus.FAILED, again.status(), "still sold out");
        assertEquals(world.clock.instant(), again.endTime());

        world.sales.setSaleStatus("iotda.standard.s3", SaleStatus.NORMAL);
        world.clock.advance(Duration.ofMinutes(1));
        Task retried = world.service.lifecycle().retry(ref(STANDARD), placed.taskId());
        assertEquals(TaskStatus.SUCCESS, retried.status(), "the window is open: it runs at once");
        assertEquals(100, retried.progress());
        Instance instance = world.instance(STANDARD);
        assertEquals(InstanceStatus.ACTIVE, instance.status());
        assertEquals(new Flavor("iotda.standard.s3", 2), instance.flavor());
        assertNull(instance.orderId());
        assertEquals(Reason.TASK_NOT_RETRYABLE, assertThrows(Rejected.class,
                () -> world.service.lifecycle().retry(ref(STANDARD), placed.taskId())).reason(),
                "only a FAILED task is retried");
    }

    @Test
    void aRetryOutsideTheWindowWaitsForItsOpening() {
        String orderId = delayedResizeToS3();
        Task placed = newest(STANDARD);
        world.sales.setSaleStatus("iotda.standard.s3", SaleStatus.SELLOUT);
        world.clock.set(Instant.parse("2026-01-16T02:30:00Z"));
        world.service.orderProcessor().processDue();
        world.sales.setSaleStatus("iotda.standard.s3", SaleStatus.NORMAL);

        world.clock.set(Instant.parse("2026-01-16T09:00:00Z"));
        Task waiting = world.service.lifecycle().retry(ref(STANDARD), placed.taskId());
        assertEquals(TaskStatus.PENDING, waiting.status());
        assertNull(waiting.statusDetail(), "its failure is forgotten");
        assertEquals(OrderStatus.SCHEDULED, order(STANDARD, orderId).status());
        assertEquals(Instant.parse("2026-01-17T02:00:00Z"), order(STANDARD, orderId).executeAfter());

        world.clock.set(Instant.parse("2026-01-17T02:05:00Z"));
        world.service.orderProcessor().processDue();
        assertEquals(TaskStatus.SUCCESS, queries.show(ref(STANDARD), placed.taskId()).status());
    }

    @Test
    void cancellingAFailedOrderReleasesTheInstanceAndTheTaskStaysFailed() {
        assertEquals(TaskStatus.FAILED, queries.show(ref(TestWorld.FAILED_RESIZE),
                new TaskId(TestWorld.FAILED_TASK)).status(), "the seeded failed task");
        assertEquals(InstanceStatus.MODIFY_FAILED, world.instance(TestWorld.FAILED_RESIZE).status());
        world.service.lifecycle().cancel(new OrderId(TestWorld.FAILED_ORDER));
        Instance released = world.instance(TestWorld.FAILED_RESIZE);
        assertEquals(InstanceStatus.ACTIVE, released.status());
        assertEquals(TestWorld.S1_X2, released.flavor());
        Task task = queries.show(ref(TestWorld.FAILED_RESIZE), new TaskId(TestWorld.FAILED_TASK));
        assertEquals(TaskStatus.FAILED, task.status());
        assertEquals("the flavor iotda.standard.st is sold out", task.statusDetail());
        assertEquals(Reason.TASK_NOT_RETRYABLE, assertThrows(Rejected.class, () -> world.service.lifecycle()
                .retry(ref(TestWorld.FAILED_RESIZE), task.taskId())).reason(), "its order was cancelled");
    }
}

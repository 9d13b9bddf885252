package cloud.iotda.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.Settings;
import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.SubscriptionPhase;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.OrderType;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskStatus;
import cloud.iotda.domain.task.TaskType;
import cloud.iotda.edge.Operation;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.testing.TestWorld.Response;
import cloud.iotda.usecase.port.ErrorLog;
import cloud.iotda.usecase.port.Tasks;
import cloud.iotda.usecase.port.Unavailable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions after expiry: renewed automatically from the balance from 7 days before expiry (daily while it is
 * short), else a grace period, frozen at its end, deleted at the end of retention; renewals from the expiry; a
 * processor that was down catches up in order; races and failed writes leave each step made once.
 */
class SubscriptionsTest {
    /** Bought on Jan 31 for a month: expires Feb 28, grace ends Mar 15, retention ends Mar 30. */
    private static final Instant BOUGHT = Instant.parse("2026-01-31T10:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2026-02-28T10:00:00Z");
    /** 03:00 at UTC+8 on the 7th day before expiry (Feb 28, 18:00 at UTC+8): auto-renewal is charged from then. */
    private static final Instant FIRST_ATTEMPT = Instant.parse("2026-02-20T19:00:00Z");
    private static final Instant GRACE_END = Instant.parse("2026-03-15T10:00:00Z");
    private static final Instant RETENTION_END = Instant.parse("2026-03-30T10:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String MONTHLY = "5ab5c000-0000-4000-8000-000000000001";
    private static final String RENEWING = "5ab5c000-0000-4000-8000-000000000002";

    private final TestWorld world = TestWorld.inMemory();
    private final OrderLifecycle lifecycle = world.service.lifecycle();
    private final OrderProcessor processor = world.service.orderProcessor();
    private final Subscriptions subscriptions = world.service.subscriptions();
    private final List<String> loggedErrors = new CopyOnWriteArrayList<>();

    SubscriptionsTest() {
        world.instances.create(monthly(MONTHLY, false).at(BOUGHT));
        world.instances.create(monthly(RENEWING, true).at(BOUGHT));
    }

    private static Instance.Builder monthly(String id, boolean autoRenew) {
        return Instance.create(TestWorld.ref(id), Edition.STANDARD, TestWorld.S1_X2).regionId(TestWorld.REGION)
                .prePaid(Subscription.startingAt(BOUGHT, PeriodType.MONTH, 1, autoRenew));
    }

    private OrderProcessor.Report passAt(Instant at) {
        world.clock.set(at);
        return processor.processDue();
    }

    private Instance instance(String id) {
        return world.instance(id);
    }

    private List<Order> renewals(String id) {
        return world.ordersOf(id).stream().filter(order -> order.type() == OrderType.RENEW).toList();
    }

    private List<TaskType> taskTypes(String id) {
        return world.tasks.newest(TestWorld.ref(id), 20).stream().map(Task::type).toList();
    }

    @Test
    void autoRenewalIsChargedFrom3amSevenDaysBeforeExpiryAndNotASecondBefore() {
        Instance before = instance(RENEWING);
        assertEquals(0, passAt(FIRST_ATTEMPT.minus(SECOND)).renewed());
        assertEquals(before, instance(RENEWING));

        OrderProcessor.Report report = passAt(FIRST_ATTEMPT);
        assertEquals(1, report.renewed(), report.toString());
        Instance renewed = instance(RENEWING);
        assertEquals(Instant.parse("2026-03-31T10:00:00Z"), renewed.subscription().expireTime());
        assertEquals(before.flavor(), renewed.flavor());
        assertEquals(before.status(), renewed.status());
        assertEquals(before.subscription().autoRenew(), renewed.subscription().autoRenew());
        List<Order> renewals = renewals(RENEWING);
        assertEquals(1, renewals.size());
        assertEquals(OrderStatus.COMPLETED, renewals.get(0).status());
        assertEquals(new Change.Renew(PeriodType.MONTH, 1, true), renewals.get(0).change());
        assertEquals(List.of(), taskTypes(RENEWING), "renewing a working instance is no task");

        assertEquals(0, passAt(EXPIRY.plus(Duration.ofMinutes(5))).renewed(), "renewed once, not again");
        assertEquals(CatalogueFile.prices().of(TestWorld.S1_X2, PeriodType.MONTH, 1), renewals.get(0).amount());
        assertTrue(renewals.get(0).amount().compareTo(Amount.ZERO) > 0, "priced");
        assertEquals(TestWorld.BALANCE.minus(renewals.get(0).amount()), world.credentials
                .findAccount(TestWorld.DOMAIN_ID).orElseThrow().balance(), "taken from the account's balance");
    }

    /** An account of its own with {@code balance}, and a project of it holding an auto-renewing monthly instance. */
    private InstanceRef renewingOfAccountWith(String balance) {
        String domainId = "0f0e0d0c0b0a09080706050403020100";
        String projectId = "1f1e1d1c1b1a19181716151413121110";
        world.credentials.createAccount(new Account(domainId, "short", Amount.parse(balance).orElseThrow()));
        world.credentials.createProject(new Project(projectId, TestWorld.REGION, domainId));
        InstanceRef ref = new InstanceRef(projectId, "5ab5c000-0000-4000-8000-000000000009");
        world.instances.create(Instance.create(ref, Edition.STANDARD, TestWorld.S1_X2).regionId(TestWorld.REGION)
                .prePaid(Subscription.startingAt(BOUGHT, PeriodType.MONTH, 1, true)).at(BOUGHT));
        return ref;
    }

    @Test
    void anAutoRenewalTheBalanceCannotPayIsTriedDailyAt3amLapsesIntoGraceAndFreezesThenRenewsOnceToppedUp() {
        // A month of s1 x2 costs 1,600.00: a cent short.
        InstanceRef ref = renewingOfAccountWith("1599.99");
        OrderProcessor.Report first = passAt(FIRST_ATTEMPT);
        assertEquals(1, first.renewalsUnpaid(), first.toString());
        assertEquals(List.of(), world.orders.list(ref, 10, null).items(), "nothing ordered");
        Instance tried = world.instances.find(ref).orElseThrow();
        assertEquals(FIRST_ATTEMPT.plus(Duration.ofDays(1)), tried.subscriptionDueAt(Lapse.STANDARD),
                "again at 03:00 tomorrow");
        assertEquals(0, passAt(FIRST_ATTEMPT.plus(Duration.ofDays(1)).minus(SECOND)).renewalsUnpaid());
        assertEquals(1, passAt(FIRST_ATTEMPT.plus(Duration.ofDays(1))).renewalsUnpaid(), "the next day's attempt");

        OrderProcessor.Report atGraceEnd = passAt(GRACE_END);
        assertEquals(1, atGraceEnd.renewalsUnpaid(), "one catch-up attempt for the days the processor was away");
        Instance frozen = world.instances.find(ref).orElseThrow();
        assertEquals(InstanceStatus.FROZEN, frozen.status(), "unrenewed, it lapsed into grace and froze");
        assertTrue(frozen.subscription().autoRenew(), "auto-renewal stays on");

        world.credentials.topUp("0f0e0d0c0b0a09080706050403020100", Amount.parse("0.01").orElseThrow());
        Instant nextAttempt = Instant.parse("2026-03-15T19:00:00Z");
        assertEquals(nextAttempt, frozen.subscriptionDueAt(Lapse.STANDARD), "03:00 at UTC+8 the day after");
        OrderProcessor.Report paid = passAt(nextAttempt);
        assertEquals(1, paid.renewed(), paid.toString());
        Instance renewed = world.instances.find(ref).orElseThrow();
        assertEquals(InstanceStatus.ACTIVE, renewed.status(), "unfrozen");
        assertEquals(EXPIRY.plus(Duration.ofDays(31)), renewed.subscription().expireTime(), "from the old expiry");
        assertEquals(Amount.ZERO, world.credentials.findAccount("0f0e0d0c0b0a09080706050403020100").orElseThrow()
                .balance());
        assertEquals(List.of(TaskType.UNFREEZE, TaskType.FREEZE), world.tasks.newest(ref, 5).stream()
                .map(Task::type).toList());
    }

    @Test
    void anAutoRenewalNeverPaidIsDeletedWhenRetentionEnds() {
        InstanceRef ref = renewingOfAccountWith("0.00");
        passAt(RETENTION_END.minus(SECOND));
        assertEquals(InstanceStatus.FROZEN, world.instances.find(ref).orElseThrow().status());
        passAt(RETENTION_END);
        assertTrue(world.instances.find(ref).orElseThrow().isDeleted());
        assertEquals(0, passAt(RETENTION_END.plus(Duration.ofDays(2))).renewalsUnpaid(), "no attempts after the end");
    }

    @Test
    void inGraceTheInstanceWorksButRefusesResizeAndChargeModeChange() {
        Instance before = instance(MONTHLY);
        assertEquals(0, passAt(EXPIRY).frozen());
        assertEquals(before, instance(MONTHLY), "entering grace writes nothing");
        assertEquals(InstanceStatus.ACTIVE, instance(MONTHLY).status());
        assertEquals(SubscriptionPhase.GRACE, instance(MONTHLY).subscription().phaseAt(EXPIRY, Lapse.STANDARD));

        Response resize = world.resize(MONTHLY, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3}}");
        assertEquals(400, resize.status(), resize.body().toString());
        assertEquals("IOTDA.060017", resize.errorCode());
        assertTrue(resize.errorMessage().contains("2026-02-28T10:00:00Z"), resize.errorMessage());
        Response chargeMode = world.changeChargeMode(MONTHLY, "{\"period_type\":\"month\",\"period_num\":1}");
        assertEquals("IOTDA.060017", chargeMode.errorCode(), chargeMode.body().toString());

        assertEquals(200, world.updateInstance(MONTHLY, "{\"name\":\"still-works\"}").status());
        assertEquals(200, world.showInstance(MONTHLY).status());
    }

    @Test
    void resizeASecondBeforeExpiryIsStillAccepted() {
        world.clock.set(EXPIRY.minus(SECOND));
        Response resize = world.resize(MONTHLY,
                "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3},\"is_auto_pay\":true}");
        assertEquals(200, resize.status(), resize.body().toString());
    }

    @Test
    void freezesExactlyAtTheEndOfGraceByAFreezeTask() {
        assertEquals(0, passAt(GRACE_END.minus(SECOND)).frozen());
        assertEquals(InstanceStatus.ACTIVE, instance(MONTHLY).status());

        assertEquals(1, passAt(GRACE_END).frozen());
        assertEquals(InstanceStatus.FROZEN, instance(MONTHLY).status());
        Task freeze = world.tasks.newest(TestWorld.ref(MONTHLY), 1).get(0);
        assertEquals(TaskType.FREEZE, freeze.type());
        assertEquals(TaskStatus.SUCCESS, freeze.status());
        assertNull(freeze.orderId());

        Response shown = world.showInstance(MONTHLY);
        assertEquals(200, shown.status());
        assertEquals("FROZEN", shown.body().get("status").asText());
        Response update = world.updateInstance(MONTHLY, "{\"name\":\"refused\"}");
        assertEquals(400, update.status());
        assertEquals("IOTDA.060001", update.errorCode());
        Response tags = world.call(Operation.BIND_TAGS, "POST", MONTHLY,
                "{\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}", TestWorld.TOKEN);
        assertEquals("IOTDA.060001", tags.errorCode(), tags.body().toString());
        assertEquals("IOTDA.060001", world.resize(MONTHLY,
                "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3}}").errorCode());
        assertEquals(0, passAt(GRACE_END.plus(Duration.ofMinutes(5))).frozen(), "frozen once");
    }

    @Test
    void deletesExactlyAtTheEndOfRetentionKeepingOrdersAndTasksQueryable() {
        passAt(GRACE_END);
        assertEquals(0, passAt(RETENTION_END.minus(SECOND)).deleted());
        assertEquals(1, passAt(RETENTION_END).deleted());

        assertTrue(instance(MONTHLY).isDeleted());
        assertEquals(404, world.showInstance(MONTHLY).status());
        Response listed = world.send(Operation.LIST_INSTANCES, "GET", Map.of("project_id", TestWorld.PROJECT),
                Map.of(), null, TestWorld.TOKEN);
        assertTrue(listed.body().get("instances").findValuesAsText("instance_id").stream()
                .noneMatch(MONTHLY::equals), listed.body().toString());
        assertEquals(List.of(TaskType.DELETE, TaskType.FREEZE), taskTypes(MONTHLY));
        Response tasks = world.send(Operation.LIST_TASKS, "GET",
                Map.of("project_id", TestWorld.PROJECT, "instance_id", MONTHLY), Map.of(), null, TestWorld.TOKEN);
        assertEquals(200, tasks.status(), tasks.body().toString());
        assertEquals(200, world.listOrders(MONTHLY, Map.of()).status());
        assertEquals(0, passAt(RETENTION_END.plus(Duration.ofDays(1))).deleted(), "deleted once");
    }

    @Test
    void consoleRenewalInGraceCountsFromExpiryNotFromTheRenewal() {
        world.clock.set(EXPIRY.plus(Duration.ofDays(10)));
        Order renewal = subscriptions.renew(TestWorld.ref(MONTHLY), PeriodType.MONTH, 1);
        assertEquals(OrderStatus.COMPLETED, renewal.status());
        assertEquals(Instant.parse("2026-03-31T10:00:00Z"), instance(MONTHLY).subscription().expireTime());
        assertEquals(0, passAt(GRACE_END).frozen(), "renewed: not frozen at the old end of grace");
        assertEquals(200, world.resize(MONTHLY, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3},"
                + "\"is_auto_pay\":true}").status());
    }

    @Test
    void consoleRenewalInRetentionUnfreezesByAnUnfreezeTask() {
        passAt(GRACE_END);
        world.clock.set(GRACE_END.plus(Duration.ofDays(5)));
        Order renewal = subscriptions.renew(TestWorld.ref(MONTHLY), PeriodType.YEAR, 1);
        Instance unfrozen = instance(MONTHLY);
        assertEquals(InstanceStatus.ACTIVE, unfrozen.status());
        assertEquals(Instant.parse("2027-02-28T10:00:00Z"), unfrozen.subscription().expireTime());
        Task unfreeze = world.tasks.newest(TestWorld.ref(MONTHLY), 1).get(0);
        assertEquals(TaskType.UNFREEZE, unfreeze.type());
        assertEquals(renewal.orderId(), unfreeze.orderId());
        assertEquals(0, passAt(RETENTION_END).deleted());
        assertEquals(200, world.updateInstance(MONTHLY, "{\"name\":\"works-again\"}").status());
    }

    @Test
    void processorDownForMonthsRenewsEveryMissedPeriodInsteadOfFreezing() {
        OrderProcessor.Report report = passAt(Instant.parse("2026-06-15T00:00:00Z"));
        assertEquals(4, report.renewed(), report.toString());
        Instance renewed = instance(RENEWING);
        // Feb 28, Mar 31, Apr 30, May 31: each a month from Jan 31, so the month's end stays the month's end.
        assertEquals(Instant.parse("2026-06-30T10:00:00Z"), renewed.subscription().expireTime());
        assertEquals(InstanceStatus.ACTIVE, renewed.status());
        assertEquals(4, renewals(RENEWING).size());
        assertEquals(List.of(), taskTypes(RENEWING));
        // The instance without auto-renewal was frozen and then deleted, in that order.
        assertEquals(1, report.frozen());
        assertEquals(1, report.deleted());
        assertEquals(List.of(TaskType.DELETE, TaskType.FREEZE), taskTypes(MONTHLY));
    }

    @Test
    void freezeCancelsTheFailedOrderTheInstanceHolds() {
        world.clock.set(BOUGHT.plus(Duration.ofDays(1)));
        Response resize = world.resize(MONTHLY, "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}");
        assertEquals(200, resize.status(), resize.body().toString());
        OrderId held = new OrderId(resize.orderId());
        world.sales.setSaleStatus("iotda.standard.s2", SaleStatus.SELLOUT);
        assertEquals(OrderStatus.FAILED, lifecycle.pay(held).status());
        assertEquals(InstanceStatus.MODIFY_FAILED, instance(MONTHLY).status());

        assertEquals(1, passAt(GRACE_END).frozen());
        Instance frozen = instance(MONTHLY);
        assertEquals(InstanceStatus.FROZEN, frozen.status());
        assertNull(frozen.orderId());
        Order cancelled = world.orders.find(TestWorld.ref(MONTHLY), held).orElseThrow();
        assertEquals(OrderStatus.CANCELLED, cancelled.status());
        assertEquals(TaskStatus.FAILED, world.tasks.find(TestWorld.ref(MONTHLY), cancelled.taskId()).orElseThrow()
                .status(), "a failed task stays as it ended");
        assertEquals(List.of(TaskType.FREEZE, TaskType.MODIFY), taskTypes(MONTHLY));
    }

    @Test
    void freezeCancelsAScheduledOrderAndEndsItsTask() {
        InstanceRef windowed = TestWorld.ref("5ab5c000-0000-4000-8000-000000000003");
        world.instances.create(monthly(windowed.instanceId(), false)
                .operateWindow(new OperateWindow(LocalTime.of(2, 0), LocalTime.of(3, 0))).at(BOUGHT));
        world.clock.set(GRACE_END.minus(Duration.ofDays(20)));
        Response resize = world.resize(windowed.instanceId(),
                "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":3},\"delay\":true,\"is_auto_pay\":true}");
        assertEquals(200, resize.status(), resize.body().toString());
        Order scheduled = world.orders.find(windowed, new OrderId(resize.orderId())).orElseThrow();
        assertEquals(OrderStatus.SCHEDULED, scheduled.status());
        // Pushed past the end of grace: the window is closed at every pass until then.
        Order late = scheduled.withExecuteAfter(GRACE_END.plus(Duration.ofDays(1)), world.clock.instant());
        world.orders.apply(new Order.Transition(late, OrderStatus.SCHEDULED, null), List.of());

        assertEquals(2, passAt(GRACE_END).frozen());
        assertEquals(OrderStatus.CANCELLED, world.orders.find(windowed, scheduled.orderId()).orElseThrow().status());
        Task modify = world.tasks.find(windowed, scheduled.taskId()).orElseThrow();
        assertEquals(TaskStatus.FAILED, modify.status());
        assertEquals(InstanceStatus.FROZEN, instance(windowed.instanceId()).status());
        assertEquals(0, passAt(GRACE_END.plus(Duration.ofDays(2))).executed(), "a cancelled order does not run");
    }

    @Test
    void autoRenewalSwitchedOnInGraceRenewsFromExpiryAtTheNextPass() {
        world.clock.set(EXPIRY.plus(Duration.ofDays(3)));
        Instance switched = subscriptions.autoRenew(TestWorld.ref(MONTHLY), true);
        assertTrue(switched.subscription().autoRenew());
        assertEquals(2, passAt(EXPIRY.plus(Duration.ofDays(3))).renewed(), "this one and the one renewing all along");
        assertEquals(Instant.parse("2026-03-31T10:00:00Z"), instance(MONTHLY).subscription().expireTime());
        assertEquals(1, renewals(MONTHLY).size());
    }

    @Test
    void autoRenewalSwitchedOffBeforeExpiryLetsTheSubscriptionLapse() {
        world.clock.set(EXPIRY.minus(Duration.ofDays(1)));
        subscriptions.autoRenew(TestWorld.ref(RENEWING), false);
        OrderProcessor.Report report = passAt(GRACE_END);
        assertEquals(0, report.renewed());
        assertEquals(2, report.frozen());
        assertEquals(Instant.parse("2026-02-28T10:00:00Z"), instance(RENEWING).subscription().expireTime());
    }

    @Test
    void switchingAutoRenewalToWhatItIsWritesNothing() {
        Object before = world.state();
        subscriptions.autoRenew(TestWorld.ref(RENEWING), true);
        assertEquals(before, world.state());
    }

    @Test
    void consoleRenewalOnceRetentionEndedIsRefusedAndWritesNothing() {
        world.clock.set(RETENTION_END);
        Object before = world.state();
        assertThrows(Rejected.class,
                () -> subscriptions.renew(TestWorld.ref(MONTHLY), PeriodType.MONTH, 1));
        assertEquals(before, world.state());
    }

    @Test
    void listsSubscriptionsExpiringWithinAPeriodExpiredOnesIncluded() {
        InstanceRef later = TestWorld.ref("5ab5c000-0000-4000-8000-000000000004");
        world.instances.create(Instance.create(later, Edition.STANDARD, TestWorld.S1_X2)
                .prePaid(Subscription.startingAt(BOUGHT, PeriodType.YEAR, 1, false)).at(BOUGHT));
        world.clock.set(EXPIRY.plus(Duration.ofDays(1)));
        List<Subscriptions.Entry> soon = subscriptions.list(Optional.of(TestWorld.PROJECT),
                Optional.of(Duration.ofDays(7)));
        assertEquals(List.of(MONTHLY, RENEWING), soon.stream().map(e -> e.instance().ref().instanceId()).toList());
        assertEquals(SubscriptionPhase.GRACE, soon.get(0).phase());
        assertTrue(subscriptions.list(Optional.empty(), Optional.empty()).stream()
                .anyMatch(entry -> entry.instance().ref().equals(later)));
        assertEquals(List.of(), subscriptions.list(Optional.of("another-project"), Optional.empty()));
    }

    @Test
    void passAsOfAnInstantBeforeTheLatestPassIsRefused() {
        processor.processAsOf(GRACE_END);
        assertThrows(IllegalArgumentException.class, () -> processor.processAsOf(EXPIRY));
        assertEquals(0, processor.processAsOf(GRACE_END).frozen(), "the same instant again: nothing more to do");
    }

    @Test
    void passAsOfAnInstantMovesThroughGraceRetentionAndDeletion() {
        assertEquals(1, processor.processAsOf(EXPIRY).renewed());
        assertEquals(1, processor.processAsOf(GRACE_END).frozen());
        assertEquals(1, processor.processAsOf(RETENTION_END).deleted());
        assertEquals(BOUGHT, instance(MONTHLY).createTime());
        assertEquals(RETENTION_END, instance(MONTHLY).deleteTime());
    }

    @Test
    void twoProcessorsAtOnceMakeEachStepOnce() throws Exception {
        world.clock.set(Instant.parse("2026-04-15T00:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<OrderProcessor.Report>> runs = List.of(pool.submit(() -> processor.processDue()),
                    pool.submit(() -> processor.processDue()));
            int renewed = 0;
            int deleted = 0;
            for (Future<OrderProcessor.Report> run : runs) {
                renewed += run.get().renewed();
                deleted += run.get().deleted();
            }
            assertEquals(2, renewed, "Feb 28 and Mar 31, each once");
            assertEquals(1, deleted);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, renewals(RENEWING).size());
        assertEquals(List.of(TaskType.DELETE, TaskType.FREEZE), taskTypes(MONTHLY));
    }

    @Test
    void aPassThatFailsBetweenFreezeAndDeletionLeavesTheFreezeAndTheNextPassDeletes() {
        AtomicInteger records = new AtomicInteger();
        Tasks failingSecondRecord = (Tasks) Proxy.newProxyInstance(Tasks.class.getClassLoader(),
                new Class<?>[] {Tasks.class}, (proxy, method, args) -> {
                    if (method.getName().equals("record") && records.incrementAndGet() == 2) {
                        throw new Unavailable("injected", Duration.ofSeconds(1), null);
                    }
                    try {
                        return method.invoke(world.tasks, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ErrorLog log = (message, error) -> loggedErrors.add(message);
        OrderProcessor failing = new OrderProcessor(world.instances, world.orders, failingSecondRecord,
                new InstanceFlavors(CatalogueFile.published(), world.sales),
                new Subscriptions(world.instances, world.orders, failingSecondRecord, new IdSource(), world.clock,
                        RetryPolicy.standard(), log, world.service.payers(), Lapse.STANDARD), world.passes, world.clock,
                RetryPolicy.standard(), log, 1);
        world.instances.update(instance(RENEWING).withAutoRenew(false, BOUGHT));
        world.clock.set(RETENTION_END.plus(Duration.ofDays(1)));

        OrderProcessor.Report report = failing.processDue();
        assertEquals(1, report.failed(), report.toString());
        assertEquals(1, loggedErrors.size(), loggedErrors.toString());
        long frozenOrDeleted = report.frozen() + report.deleted();
        assertEquals(3, frozenOrDeleted, "two freezes and one deletion were written before the failure");
        Instance stillFrozen = List.of(instance(MONTHLY), instance(RENEWING)).stream()
                .filter(i -> !i.isDeleted()).findFirst().orElseThrow();
        assertEquals(InstanceStatus.FROZEN, stillFrozen.status());

        OrderProcessor.Report next = processor.processDue();
        assertEquals(1, next.deleted());
        assertTrue(instance(MONTHLY).isDeleted() && instance(RENEWING).isDeleted());
    }

    @Test
    void orderQueriesShowTheSubscriptionWithItsPhaseAndRenewalsAsOrders() {
        world.clock.set(EXPIRY.plus(Duration.ofDays(1)));
        Order renewal = subscriptions.renew(TestWorld.ref(MONTHLY), PeriodType.MONTH, 2);
        Response shown = world.showOrder(MONTHLY, renewal.orderId().value());
        assertEquals(200, shown.status(), shown.body().toString());
        assertEquals("RENEW", shown.body().get("type").asText());
        assertEquals("{\"period_type\":\"month\",\"period_num\":2,\"is_auto_renewal\":false}",
                shown.body().get("request").toString());
        assertEquals("{\"period_type\":\"month\",\"period_num\":1,\"expire_time\":\"2026-04-30T10:00:00Z\","
                + "\"is_auto_renew\":false,\"phase\":\"active\"}", shown.body().get("subscription").toString());

        world.clock.set(Instant.parse("2026-05-01T10:00:00Z"));
        Response listed = world.listOrders(MONTHLY, Map.of());
        assertEquals("grace", listed.body().get("subscription").get("phase").asText(), listed.body().toString());
        assertEquals(false, world.listOrders(TestWorld.STANDARD, Map.of()).body().has("subscription"),
                "a pay-per-use instance has no subscription");
        passAt(Instant.parse("2026-06-01T00:00:00Z"));
        assertEquals("ended", world.listOrders(MONTHLY, Map.of()).body().get("subscription").get("phase").asText(),
                "deleted: its orders stay queryable, its subscription has ended");
    }

    @Test
    void yearlySubscriptionRenewsAutomaticallyForAYearAndLapsesAYearLater() {
        InstanceRef yearly = TestWorld.ref("5ab5c000-0000-4000-8000-000000000005");
        InstanceRef lapsing = TestWorld.ref("5ab5c000-0000-4000-8000-000000000006");
        Instant leapDay = Instant.parse("2024-02-29T00:00:00Z");
        world.instances.create(Instance.create(yearly, Edition.STANDARD, TestWorld.S1_X2)
                .prePaid(Subscription.startingAt(leapDay, PeriodType.YEAR, 2, true)).at(leapDay));
        world.instances.create(Instance.create(lapsing, Edition.STANDARD, TestWorld.S1_X2)
                .prePaid(Subscription.startingAt(leapDay, PeriodType.YEAR, 1, false)).at(leapDay));
        // Expires 2026-02-28 08:00 at UTC+8: charged from 03:00 at UTC+8 on Feb 21.
        Instant firstAttempt = Instant.parse("2026-02-20T19:00:00Z");
        passAt(firstAttempt.minus(SECOND));
        assertEquals(List.of(), renewals(yearly.instanceId()), "not a second before 7 days before its expiry");
        assertTrue(instance(lapsing.instanceId()).isDeleted(), "expired 2025-02-28: a year later frozen and deleted");
        passAt(firstAttempt);
        assertEquals(Instant.parse("2028-02-29T00:00:00Z"), instance(yearly.instanceId()).subscription().expireTime(),
                "two years more, from the leap day it was bought on");
        assertEquals(1, renewals(yearly.instanceId()).size());
        assertEquals(List.of(TaskType.DELETE, TaskType.FREEZE), taskTypes(lapsing.instanceId()));
    }

    @Test
    void aDeploymentsOwnGraceAndRetentionDecideWhenTheProcessorFreezesAndDeletes() {
        TestWorld shortTerms = new TestWorld(LocalDynamoDb.get().client(),
                new Settings(Duration.ZERO, 1, Lapse.ofDays(3, 7)));
        shortTerms.instances.create(monthly(MONTHLY, false).at(BOUGHT));
        OrderProcessor shortProcessor = shortTerms.service.orderProcessor();
        shortTerms.clock.set(EXPIRY.plus(Duration.ofDays(3)).minus(SECOND));
        assertEquals(0, shortProcessor.processDue().frozen(), "still in its 3 days of grace");
        shortTerms.clock.set(EXPIRY.plus(Duration.ofDays(3)));
        assertEquals(1, shortProcessor.processDue().frozen(), "found by its stored due time, frozen after 3 days");
        shortTerms.clock.set(EXPIRY.plus(Duration.ofDays(10)).minus(SECOND));
        assertEquals(0, shortProcessor.processDue().deleted());
        assertEquals("retention", shortTerms.listOrders(MONTHLY, Map.of()).body().get("subscription").get("phase")
                .asText());
        shortTerms.clock.set(EXPIRY.plus(Duration.ofDays(10)));
        Rejected ended = assertThrows(Rejected.class, () -> shortTerms.service.subscriptions()
                .renew(TestWorld.ref(MONTHLY), PeriodType.MONTH, 1));
        assertEquals(EXPIRY.plus(Duration.ofDays(10)), ended.facts().get(0), "its retention ended then");
        assertEquals(1, shortProcessor.processDue().deleted(), "deleted after 3 + 7 days");
    }
}

package cloud.iotda.adapter.dynamodb;

import static cloud.iotda.testing.TestWorld.ENTERPRISE;
import static cloud.iotda.testing.TestWorld.PREPAID;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.S0;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static cloud.iotda.testing.TestWorld.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cloud.iotda.adapter.dynamodb.internal.Keys;
import cloud.iotda.adapter.dynamodb.internal.OrderRows;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.OrderType;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskType;
import cloud.iotda.edge.ApiError;
import cloud.iotda.edge.Operation;
import cloud.iotda.testing.CapturedLogs;
import cloud.iotda.testing.DynamoDbFault;
import cloud.iotda.testing.FaultInjector;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.usecase.port.Unavailable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's real failure modes, injected on the wire (through the SDK's interceptor hooks) into every DynamoDB call
 * of every write and read path, on the service configured as it deploys (DynamoDbClients: bounded retries and
 * timeouts) over DynamoDB Local. For each path, each call of it, each fault, once (a blip the client's retries may
 * absorb) and for every attempt (an outage):
 * <ul>
 * <li>never a 500: the path's own answer, 409 after a lasting race, or 503 with Retry-After and the documented
 * body;</li>
 * <li>nothing half-written: every instance's unfinished order exists and names it back, and a request refused
 * before its write reached DynamoDB wrote nothing;</li>
 * <li>after recovery the same request succeeds, and an order-placing one has placed exactly one order.</li>
 * </ul>
 * {@code -Dfaults.full=true} makes every fault meet every call and every fault last for every step; otherwise one
 * fault of each kind the service cannot tell apart meets each call (a different one at the next call: see
 * {@link #ALIKE}), and stalls (5 s each) last only at the path's last call.
 */
@Tag("full")
class DynamoDbFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean FULL = Boolean.getBoolean("faults.full");
    private static final int ONCE = 1;
    private static final int ALWAYS = Integer.MAX_VALUE;
    /** 02:30 on the day after the worlds' start: inside STANDARD's 02:00-04:00 window. */
    private static final Instant IN_WINDOW = Instant.parse("2026-01-16T02:30:00Z");

    /** Cases run side by side, each on its own table, client and injector: most of their time is backoff. */
    private static final int PARALLEL_CASES = 32;
    /**
     * What may come on top of the DynamoDB calls' own time limits: RetryPolicy's pauses (64 attempts, at most 32 ms
     * each) and the service's work between calls, generously (a busy machine).
     */
    private static final Duration BESIDES_THE_CALLS = Duration.ofSeconds(4);

    /** What a path answered: an HTTP status and body, or for the operator's paths the status they amount to. */
    private record Outcome(int status, JsonNode body, Map<String, String> headers) {
        static Outcome of(TestWorld.Response response) {
            return new Outcome(response.status(), response.body(), response.headers());
        }
    }

    /**
     * A write or read path: how to prepare its world, how to run it, its success status, the status of running it
     * again once it succeeded (the same for an idempotent path; 404 for a second delete...), whether it places an
     * order on STANDARD, and whether it makes its change in one write (a run of the processor makes one per step).
     */
    private record Path(String name, Consumer<TestWorld> setup, Function<TestWorld, Outcome> run, int success,
                        int repeated, boolean placesOrder, boolean oneWrite) {
        /** Answers {@code success}, and the same again when run again. */
        Path(String name, Consumer<TestWorld> setup, Function<TestWorld, Outcome> run, int success) {
            this(name, setup, run, success, success, false, true);
        }

        /** Places an order on STANDARD: 200, and the same order when sent again. */
        static Path placing(String name, Consumer<TestWorld> setup, Function<TestWorld, Outcome> run) {
            return new Path(name, setup, run, 200, 200, true, true);
        }

        /** Done once: {@code success}, then {@code again} when run again (the change is already made). */
        static Path once(String name, Consumer<TestWorld> setup, Function<TestWorld, Outcome> run, int success,
                         int again) {
            return new Path(name, setup, run, success, again, false, true);
        }

        /** A processor run: 200, one write per order or step, each kept when a later one fails. */
        static Path stepwise(String name, Consumer<TestWorld> setup, Function<TestWorld, Outcome> run) {
            return new Path(name, setup, run, 200, 200, false, false);
        }
    }

    @BeforeAll
    static void captureLogs() {
        CapturedLogs.start();
    }

    @AfterAll
    static void logsHoldNoCredential() {
        assertTrue(CapturedLogs.text().contains("dependency unavailable"), "the outages were logged");
        CapturedLogs.assertNoCredentials(TestWorld.CREDENTIALS);
    }

    /** The service's DynamoDB client as it deploys (DynamoDbClients), with an injector, on DynamoDB Local. */
    private static DynamoDbClient clientWith(FaultInjector injector) {
        return LocalDynamoDb.serviceClient(LocalDynamoDb.get().endpoint(), List.of(injector));
    }

    private static Outcome http(TestWorld world, Operation operation, String method, String instanceId,
                                String body) {
        Map<String, String> path = instanceId == null ? Map.of("project_id", PROJECT)
                : Map.of("project_id", PROJECT, "instance_id", instanceId);
        return Outcome.of(world.send(operation, method, path, Map.of(), body, TOKEN));
    }

    private static Outcome task(TestWorld world, Operation operation, String method, String instanceId,
                                String taskId) {
        return Outcome.of(world.send(operation, method, Map.of("project_id", PROJECT, "instance_id", instanceId,
                "task_id", taskId), Map.of(), null, TOKEN));
    }

    /** An operator path (the CLI's pay or cancel, the processor) as the status it amounts to. */
    private static Outcome operator(Runnable step) {
        try {
            step.run();
            return new Outcome(200, null, Map.of());
        } catch (Unavailable e) {
            return new Outcome(503, null, Map.of());
        } catch (Rejected e) {
            return new Outcome(ApiError.of(e.reason()).status(), null, Map.of());
        }
    }

    /** The order the setup placed on the instance (the newest). */
    private static OrderId placedOrder(TestWorld world, String instanceId) {
        return world.ordersOf(instanceId).get(0).orderId();
    }

    private static List<Path> paths() {
        String resize = "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}";
        String monthly = "{\"period_type\":\"month\",\"period_num\":1}";
        Consumer<TestWorld> none = world -> { };
        Consumer<TestWorld> pendingPayment = world -> world.changeChargeMode(STANDARD, monthly);
        Consumer<TestWorld> scheduled = world -> world.resize(STANDARD,
                "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":8},\"delay\":true}");
        return List.of(
                Path.placing("resize", none, w -> http(w, Operation.RESIZE, "POST", STANDARD, resize)),
                Path.placing("change-charge-mode", none,
                        w -> http(w, Operation.CHANGE_CHARGE_MODE, "POST", STANDARD, monthly)),
                new Path("update-instance", none,
                        w -> http(w, Operation.UPDATE_INSTANCE, "PUT", STANDARD, "{\"name\":\"renamed\"}"), 200),
                new Path("update-window-moves-scheduled-order", scheduled, w -> http(w, Operation.UPDATE_INSTANCE,
                        "PUT", STANDARD, "{\"operate_window\":{\"start_time\":\"05:00\",\"end_time\":\"06:00\"}}"),
                        200),
                new Path("create-pay-per-use", none, w -> http(w, Operation.CREATE_INSTANCE, "POST", null,
                        "{\"instance_type\":\"standard\",\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2},"
                                + "\"name\":\"created\",\"charge_info\":{\"charge_mode\":\"postPaid\"}}"), 200),
                new Path("create-yearly", none, w -> http(w, Operation.CREATE_INSTANCE, "POST", null,
                        "{\"instance_type\":\"enterprise\",\"flavor\":{\"type\":"
                                + "\"iotda.enterprise.1000tps.10wonlinedevice\"},\"name\":\"created\",\"charge_info\":"
                                + "{\"charge_mode\":\"prePaid\",\"period_type\":\"year\",\"period_num\":1}}"),
                        200),
                Path.once("delete-instance", none, w -> http(w, Operation.DELETE_INSTANCE, "DELETE", S0, null), 204,
                        404),
                new Path("bind-tags", none, w -> http(w, Operation.BIND_TAGS, "POST", STANDARD,
                        "{\"tags\":[{\"key\":\"site\",\"value\":\"north\"}]}"), 200),
                new Path("show-instance", none, w -> http(w, Operation.SHOW_INSTANCE, "GET", ENTERPRISE, null), 200),
                new Path("list-flavors", none, w -> http(w, Operation.LIST_FLAVORS, "GET", null, null), 200),
                new Path("list-tasks", none, w -> http(w, Operation.LIST_TASKS, "GET", TestWorld.HISTORY, null), 200),
                new Path("show-task", none, w -> task(w, Operation.SHOW_TASK, "GET", TestWorld.HISTORY,
                        TestWorld.HISTORY_TASK), 200),
                // Its flavor stays sold out: run again, it fails again, as often as it is retried.
                new Path("retry-task", none, w -> task(w, Operation.RETRY_TASK, "POST", TestWorld.FAILED_RESIZE,
                        TestWorld.FAILED_TASK), 200),
                new Path("list-instances", none, w -> http(w, Operation.LIST_INSTANCES, "GET", null, null), 200),
                new Path("list-orders", pendingPayment, w -> http(w, Operation.LIST_ORDERS, "GET", STANDARD, null),
                        200),
                Path.once("pay", pendingPayment, w -> operator(() -> w.service.lifecycle()
                        .pay(placedOrder(w, STANDARD))), 200, 400),
                Path.once("cancel", pendingPayment, w -> operator(() -> w.service.lifecycle()
                        .cancel(placedOrder(w, STANDARD))), 200, 400),
                // Order by order: a run that fails after its first order keeps that order's write.
                Path.stepwise("processor", scheduled.andThen(w -> w.clock.set(IN_WINDOW)),
                        w -> operator(() -> w.service.processor().run(() -> true))),
                new Path("renew", none, w -> operator(() -> w.service.subscriptions().renew(TestWorld.ref(PREPAID),
                        PeriodType.MONTH, 1)), 200),
                // IAM's token by password: a new token each time (the user's counts are untouched by a right one).
                new Path("token-by-password", none, w -> Outcome.of(w.send(
                        Operation.KEYSTONE_CREATE_USER_TOKEN_BY_PASSWORD, "POST", Map.of(), Map.of(), PASSWORD_LOGIN,
                        null)), 201),
                // The billing API's auto-renewal: the account's instance, found through its projects.
                new Path("auto-renew", none, w -> Outcome.of(w.send(Operation.AUTO_RENEWAL_RESOURCES, "POST",
                        Map.of("resource_id", PREPAID), Map.of(), null, TestWorld.ACCOUNT_TOKEN)), 204),
                // The billing API's lists: the account's projects, then each project's orders or instances.
                new Path("list-customer-orders", none, w -> Outcome.of(w.send(Operation.LIST_CUSTOMER_ORDERS, "GET",
                        Map.of(), Map.of("limit", "10"), null, TestWorld.ACCOUNT_TOKEN)), 200),
                new Path("list-customer-resources", none, w -> Outcome.of(w.send(
                        Operation.LIST_PAY_PER_USE_CUSTOMER_RESOURCES, "POST", Map.of(), Map.of(), "{}",
                        TestWorld.ACCOUNT_TOKEN)), 200),
                // The billing API's PayOrders: the order, its instance and the amount taken from the balance, as one.
                Path.once("pay-orders", none, w -> Outcome.of(w.send(Operation.PAY_ORDERS, "POST", Map.of(),
                        Map.of(), "{\"order_id\": \"" + TestWorld.TO_PAY_ORDER + "\", \"use_coupon\": \"NO\", "
                                + "\"use_discount\": \"NO\"}", TestWorld.ACCOUNT_TOKEN)), 204, 400),
                // The billing API's renewal of two resources, auto-paid: two orders, their instances and the sum taken
                // from the balance, as one write.
                new Path("renewal-resources", none, w -> Outcome.of(w.send(Operation.RENEWAL_RESOURCES, "POST",
                        Map.of(), Map.of(), "{\"resource_ids\": [\"" + PREPAID + "\", \"" + ENTERPRISE + "\"], "
                                + "\"period_type\": 2, \"period_num\": 1, \"is_auto_pay\": 1}",
                        TestWorld.ACCOUNT_TOKEN)), 200),
                // The billing API's unsubscription: the order, the deletion, the project's count and the refund, as
                // one write (several resources share that write: the renewal path above has two); once made, the
                // resource is gone.
                Path.once("unsubscribe", none, w -> Outcome.of(w.send(Operation.CANCEL_RESOURCES_SUBSCRIPTION,
                        "POST", Map.of(), Map.of(), "{\"resource_ids\": [\"" + TestWorld.TO_UNSUBSCRIBE + "\"], "
                                + "\"unsubscribe_type\": 1}", TestWorld.ACCOUNT_TOKEN)), 200, 400),
                // Instance by instance, step by step: a run that fails after a step keeps that step's write.
                Path.stepwise("processor-subscriptions", DynamoDbFaultsTest::expiredSubscriptions,
                        w -> operator(() -> w.service.processor().run(() -> true))));
    }

    private static final String PASSWORD_LOGIN = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], "
            + "\"password\": {\"user\": {\"name\": \"" + TestWorld.USER + "\", \"password\": \"" + TestWorld.PASSWORD
            + "\", \"domain\": {\"name\": \"" + TestWorld.ACCOUNT + "\"}}}}, \"scope\": {\"project\": {\"name\": "
            + "\"" + TestWorld.REGION + "\"}}}}";

    /** Bought on Jan 31 for a month: expired Feb 28; grace ended Mar 15. */
    private static final Instant BOUGHT = Instant.parse("2026-01-31T10:00:00Z");
    private static final String RENEWING = "5ab5c000-0000-4000-8000-0000000000f1";
    private static final String LAPSING = "5ab5c000-0000-4000-8000-0000000000f2";

    /** An account with nothing in its balance, and its project. */
    private static final String UNFUNDED_DOMAIN = "0f0e0d0c0b0a09080706050403020100";
    private static final InstanceRef UNFUNDED = new InstanceRef("1f1e1d1c1b1a19181716151413121110",
            "5ab5c000-0000-4000-8000-0000000000f3");

    /**
     * One subscription due for its automatic renewal, one at the end of its grace period, and one renewing
     * automatically that its account's balance cannot pay: tried (a write of its own), then frozen.
     */
    private static void expiredSubscriptions(TestWorld world) {
        for (String id : List.of(RENEWING, LAPSING)) {
            world.instances.create(Instance.create(TestWorld.ref(id), Edition.STANDARD, TestWorld.S1_X2)
                    .prePaid(Subscription.startingAt(BOUGHT, PeriodType.MONTH, 1, id.equals(RENEWING))).at(BOUGHT));
        }
        world.credentials.createAccount(new Account(UNFUNDED_DOMAIN, "unfunded", Amount.ZERO));
        world.credentials.createProject(new Project(UNFUNDED.projectId(), TestWorld.REGION, UNFUNDED_DOMAIN));
        world.instances.create(Instance.create(UNFUNDED, Edition.STANDARD, TestWorld.S1_X2)
                .prePaid(Subscription.startingAt(BOUGHT, PeriodType.MONTH, 1, true)).at(BOUGHT));
        world.clock.set(Instant.parse("2026-03-16T00:00:00Z"));
    }

    /**
     * One dynamic test per path, reporting its cases (every call of it, every fault, once and always); the cases of
     * all paths are started at once, side by side.
     */
    @TestFactory
    Stream<DynamicTest> everyFaultAtEveryCallOfEveryPath() throws Exception {
        String only = System.getProperty("faults.path");
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CASES);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path path : paths()) {
            if (only == null || only.equals(path.name())) {
                Callable<Void> verdict = startAllCases(path, pool);
                tests.add(DynamicTest.dynamicTest(path.name(), verdict::call));
            }
        }
        pool.shutdown();
        return tests.stream();
    }

    private static Callable<Void> startAllCases(Path path, ExecutorService pool) throws Exception {
        List<String> calls = callsOf(path);
        List<FaultInjector.Plan> plans = new ArrayList<>();
        for (int call = 0; call < calls.size(); call++) {
            boolean last = call == calls.size() - 1;
            for (DynamoDbFault fault : DynamoDbFault.values()) {
                if (!fault.scope.covers(calls.get(call)) || !FULL && !stands(fault, calls.get(call), call)) {
                    continue;
                }
                if (fault != DynamoDbFault.REFUSED) {
                    plans.add(new FaultInjector.Plan(call, fault, ONCE));
                }
                if (fault != DynamoDbFault.STALL || FULL || last) {
                    plans.add(new FaultInjector.Plan(call, fault, ALWAYS));
                }
            }
        }
        List<Future<String>> failures = new ArrayList<>();
        for (FaultInjector.Plan plan : plans) {
            failures.add(pool.submit(() -> failureOf(path, plan, calls.get(plan.call()))));
        }
        return () -> {
            List<String> failed = new ArrayList<>();
            for (Future<String> failure : failures) {
                if (failure.get() != null) {
                    failed.add(failure.get());
                }
            }
            System.out.printf("%s: %d calls, %d cases, %d failed%n", path.name(), calls.size(), plans.size(),
                    failed.size());
            assertEquals(List.of(), failed, failed.size() + " of " + plans.size() + " cases failed");
            return null;
        };
    }

    /**
     * Faults the service cannot tell apart, as it classifies them (Failures): throttling of any kind; a 5xx; a
     * transaction cancelled for a reason that is not a race; a lost race. Outside {@code -Dfaults.full=true} one of a
     * kind stands for its kind at each call, a different one at the next call, so that every kind meets every call
     * and every fault some call of every path; the rest (a stall, a dropped or refused connection, a lost answer)
     * meet every call.
     */
    private static final List<List<DynamoDbFault>> ALIKE = List.of(
            List.of(DynamoDbFault.PROVISIONED_THROUGHPUT, DynamoDbFault.THROTTLING, DynamoDbFault.REQUEST_LIMIT),
            List.of(DynamoDbFault.INTERNAL_ERROR, DynamoDbFault.SERVICE_UNAVAILABLE),
            List.of(DynamoDbFault.CANCELLED_THROTTLING, DynamoDbFault.CANCELLED_CAPACITY,
                    DynamoDbFault.CANCELLED_ITEM_COLLECTION, DynamoDbFault.CANCELLED_VALIDATION),
            List.of(DynamoDbFault.TRANSACTION_CONFLICT, DynamoDbFault.CANCELLED_CONDITIONAL_CHECK,
                    DynamoDbFault.CANCELLED_TRANSACTION_CONFLICT));

    /** Whether {@code fault} stands for its kind at the path's call number {@code call} ({@code operation}). */
    static boolean stands(DynamoDbFault fault, String operation, int call) {
        for (List<DynamoDbFault> kind : ALIKE) {
            if (kind.contains(fault)) {
                List<DynamoDbFault> possible = kind.stream().filter(each -> each.scope.covers(operation)).toList();
                return possible.get(call % possible.size()) == fault;
            }
        }
        return true;
    }

    /** The DynamoDB calls the path makes when nothing fails. */
    private static List<String> callsOf(Path path) throws Exception {
        try (FaultInjector injector = new FaultInjector(LocalDynamoDb.get().endpoint());
             DynamoDbClient client = clientWith(injector)) {
            TestWorld world = new TestWorld(client);
            path.setup().accept(world);
            injector.arm(null);
            Outcome clean = path.run().apply(world);
            List<String> calls = injector.operations();
            assertEquals(path.success(), clean.status(), path.name() + " without faults: " + clean.body());
            assertTrue(!calls.isEmpty(), path.name());
            return calls;
        }
    }

    /** Null if the case holds, else what failed. */
    private static String failureOf(Path path, FaultInjector.Plan plan, String operation) throws Exception {
        String name = path.name() + ", call " + plan.call() + " (" + operation + "), " + plan.fault() + " "
                + (plan.attempts() == ONCE ? "once" : "always");
        try (FaultInjector injector = new FaultInjector(LocalDynamoDb.get().endpoint());
             DynamoDbClient client = clientWith(injector)) {
            TestWorld world = new TestWorld(client);
            try {
                runCase(path, plan, injector, world);
            } finally {
                // DynamoDB Local looks a table's schema up on every call: fewer tables, faster calls.
                LocalDynamoDb.get().client().deleteTable(delete -> delete.tableName(world.table));
            }
            return null;
        } catch (AssertionError | RuntimeException e) {
            return name + ": " + e;
        }
    }

    private static void runCase(Path path, FaultInjector.Plan plan, FaultInjector injector, TestWorld world) {
        path.setup().accept(world);
        Set<String> ordersBefore = orderIds(world);
        List<?> before = world.allItems();

        injector.arm(plan);
        Outcome faulty;
        long started = System.nanoTime();
        try {
            faulty = path.run().apply(world);
        } finally {
            injector.disarm();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // Bounded by the client's own limits, whatever the fault and however busy the machine: no call outlasts
        // DynamoDbClients.CALL_TIMEOUT (retries included), so a stalled DynamoDB ends in an answer, not a Lambda
        // timeout (TemplateContractTest checks the function's timeout against CALL_TIMEOUT).
        int calls = injector.operations().size();
        Duration bound = DynamoDbClients.CALL_TIMEOUT.multipliedBy(calls).plus(BESIDES_THE_CALLS);
        assertTrue(took.compareTo(bound) < 0, "answered in " + took + " after " + calls + " calls; the calls' "
                + "limits allow " + bound);

        assertTrue(faulty.status() == path.success() || faulty.status() == 503 || faulty.status() == 409,
                "never a 500 or another answer: " + faulty);
        if (faulty.status() == 503 && faulty.body() != null) {
            assertEquals("IOTDA.060503", faulty.body().path("error_code").asText(), faulty.toString());
            assertEquals(Set.of("error_code", "error_msg"), fieldNames(faulty.body()));
            assertNotNull(faulty.headers().get("Retry-After"), "503 says when to retry");
        }
        assertConsistent(world);
        if (faulty.status() != path.success() && !plan.fault().reachesDynamoDb() && path.oneWrite()) {
            assertEquals(before, world.allItems(), "refused before any write reached DynamoDB: nothing written");
        }

        // Done already if it succeeded, or if its write reached DynamoDB and only the answer was lost.
        boolean done = faulty.status() == path.success()
                || plan.fault().reachesDynamoDb() && !before.equals(world.allItems());
        Outcome recovered = path.run().apply(world);
        int expected = done ? path.repeated() : path.success();
        assertEquals(expected, recovered.status(), "after recovery: " + recovered);
        assertConsistent(world);
        if (path.placesOrder()) {
            Set<String> placed = orderIds(world);
            placed.removeAll(ordersBefore);
            assertEquals(1, placed.size(), "exactly one order for the request and its retry: " + placed);
            assertEquals(placed.iterator().next(), recovered.body().path("order_id").asText());
        }
        switch (path.name()) {
            case "processor" -> assertEquals(8, world.instance(STANDARD).flavor().size(), "the resize ran, once");
            case "pay" -> assertEquals(ChargeMode.PRE_PAID, world.instance(STANDARD).chargeMode(), "paid");
            case "cancel" -> assertEquals(OrderStatus.CANCELLED, world.ordersOf(STANDARD).get(0).status());
            case "delete-instance" -> assertTrue(world.instance(S0).isDeleted());
            case "auto-renew" -> assertTrue(world.instance(PREPAID).subscription().autoRenew(), "on");
            case "pay-orders" -> assertEquals(TestWorld.BALANCE.minus(TestWorld.TO_PAY_AMOUNT),
                    world.credentials.findAccount(TestWorld.DOMAIN_ID).orElseThrow().balance(), "taken once");
            case "renewal-resources" -> {
                assertEquals(done ? 2 : 1, renewals(world, PREPAID), "once per request that succeeded or was made");
                assertEquals(renewals(world, PREPAID), renewals(world, ENTERPRISE), "both renewed or neither");
                Amount paid = Stream.of(PREPAID, ENTERPRISE).flatMap(id -> world.ordersOf(id).stream())
                        .filter(order -> order.type() == OrderType.RENEW).map(Order::amount)
                        .reduce(Amount.ZERO, Amount::plus);
                assertEquals(TestWorld.BALANCE.minus(paid), world.credentials.findAccount(TestWorld.DOMAIN_ID)
                        .orElseThrow().balance(), "exactly the renewals' amounts taken");
            }
            case "unsubscribe" -> {
                assertTrue(world.instance(TestWorld.TO_UNSUBSCRIBE).isDeleted(), "unsubscribed in the end");
                List<Order> made = world.ordersOf(TestWorld.TO_UNSUBSCRIBE).stream()
                        .filter(order -> order.type() == OrderType.UNSUBSCRIBE).toList();
                assertEquals(1, made.size(), "once");
                assertEquals(TestWorld.BALANCE.plus(made.get(0).amount()), world.credentials
                        .findAccount(TestWorld.DOMAIN_ID).orElseThrow().balance(), "given back once");
            }
            case "renew" -> assertEquals(done ? 2 : 1, renewals(world, PREPAID),
                    "one renewal for the command and its retries, one for the command run again");
            case "processor-subscriptions" -> {
                assertEquals(1, renewals(world, RENEWING), "renewed once, at its one expiry");
                Instance unfunded = world.instances.find(UNFUNDED).orElseThrow();
                assertEquals(InstanceStatus.FROZEN, unfunded.status(), "unpaid, it lapsed and froze");
                assertTrue(unfunded.subscription().renewalTriedAt() != null, "its renewal was tried");
                assertEquals(List.of(), world.orders.list(UNFUNDED, 10, null).items(), "nothing ordered");
                assertEquals(InstanceStatus.FROZEN, world.instance(LAPSING).status());
                assertEquals(List.of(TaskType.FREEZE), world.tasks.newest(TestWorld.ref(LAPSING), 20).stream()
                        .map(Task::type).toList(), "frozen once");
            }
            default -> {
            }
        }
    }

    private static long renewals(TestWorld world, String instanceId) {
        return world.ordersOf(instanceId).stream().filter(order -> order.type() == OrderType.RENEW).count();
    }

    private static Set<String> orderIds(TestWorld world) {
        Set<String> ids = new HashSet<>();
        world.ordersOf(STANDARD).forEach(order -> ids.add(order.orderId().value()));
        return ids;
    }

    private static Set<String> fieldNames(JsonNode body) {
        Set<String> names = new HashSet<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Every instance's unfinished order exists, is unfinished and names it; no unfinished order is orphaned. The
     * orders are read in one scan of the table (a query per instance made this check half of the matrix's time).
     */
    private static void assertConsistent(TestWorld world) {
        Map<String, List<Order>> ordersByInstance = new HashMap<>();
        for (Map<String, AttributeValue> item : world.allItems()) {
            if (OrderRows.ENTITY.equals(item.get(Keys.ENTITY).s())) {
                Order order = OrderRows.fromItem(item);
                ordersByInstance.computeIfAbsent(order.instance().instanceId(), id -> new ArrayList<>()).add(order);
            }
        }
        for (Instance instance : world.instances.all()) {
            String id = instance.ref().instanceId();
            List<Order> orders = ordersByInstance.getOrDefault(id, List.of());
            List<Order> unfinished = orders.stream().filter(order -> order.status().unfinished()).toList();
            if (instance.orderId() == null) {
                assertEquals(List.of(), unfinished, id + " holds no order, so none may be unfinished");
            } else {
                Optional<Order> held = orders.stream().filter(o -> o.orderId().equals(instance.orderId())).findFirst();
                if (held.isEmpty()) {
                    fail(id + " holds order " + instance.orderId() + ", which does not exist");
                }
                assertTrue(held.get().status().unfinished(), id + " holds a finished order");
                assertEquals(List.of(held.get()), unfinished, id);
            }
        }
    }
}

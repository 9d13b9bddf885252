package cloud.iotda.tests.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.Settings;
import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.Plan;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.usecase.OrderProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A window opening with many due orders: {@code bench.burst} scheduled resizes (each of its own instance) all due at
 * 02:00, the processor run after run (each bounded as the function's is: no new page after 110 s) until none is
 * due, on DynamoDB Local. Sequential against the template's parallelism on {@code bench.compare} orders, alternating,
 * medians; then the whole burst at the template's parallelism. Smoke run in the normal tests (100 orders, one round);
 * bench/run sets {@code -Dbench.burst=5000 -Dbench.compare=500 -Dbench.rounds=3}.
 */
class ProcessorBurstBenchmark {
    private static final int BURST = Integer.getInteger("bench.burst", 100);
    private static final int COMPARE = Integer.getInteger("bench.compare", 100);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 1);
    private static final int PARALLELISM = (int) Settings.DEFAULT_PROCESSOR_PARALLELISM;
    /** The function's 120 s timeout less the handler's 10 s reserve: no new page is started after this. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(110);
    private static final Instant PLACED = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant WINDOW_OPENS = Instant.parse("2026-01-16T02:00:00Z");
    private static final String ORDER_PREFIX = "CS2601151000";

    /** How a burst went: seconds to finish it, processor runs it took, orders executed and deferred. */
    record Outcome(double seconds, int runs, int executed, int deferred) {
    }

    private static Outcome burst(int orders, int parallelism) throws Exception {
        try (DynamoDbClient client = LocalDynamoDb.serviceClient(LocalDynamoDb.get().endpoint(), List.of())) {
            TestWorld world = new TestWorld(client, new Settings(Duration.ZERO, parallelism));
            schedule(world, orders);
            world.clock.set(WINDOW_OPENS);
            OrderProcessor lifecycle = world.service.orderProcessor();
            long started = System.nanoTime();
            int runs = 0;
            int executed = 0;
            int deferred = 0;
            while (true) {
                long runStarted = System.nanoTime();
                OrderProcessor.Report report = lifecycle.processDue(OrderProcessor.DEFAULT_PAGE_SIZE,
                        () -> System.nanoTime() - runStarted < RUN_BUDGET.toNanos());
                runs++;
                executed += report.executed();
                deferred += report.deferred();
                if (report.oldestDue().isZero() && report.executed() == 0) {
                    break;
                }
                assertTrue(runs < 100, "the burst ends: " + report);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long completed = world.allItems().stream()
                    .filter(item -> "ORDER".equals(item.get("entity").s())
                            && item.get("orderId").s().startsWith(ORDER_PREFIX)
                            && OrderStatus.COMPLETED.name().equals(item.get("status").s())).count();
            assertEquals(orders, completed, "every order of the burst ran");
            return new Outcome(seconds, runs, executed, deferred);
        }
    }

    /** {@code count} instances with a 02:00-04:00 window, each holding a delayed resize due at 02:00. */
    private static void schedule(TestWorld world, int count) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> written = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                written.add(writers.submit(() -> {
                    Instance instance = Instance.create(TestWorld.ref(new UUID(0xb0a57L, n).toString()),
                                    Edition.STANDARD, TestWorld.S1_X2).regionId(TestWorld.REGION)
                            .operateWindow(new OperateWindow(LocalTime.of(2, 0), LocalTime.of(4, 0))).at(PLACED);
                    world.instances.create(instance);
                    Plan plan = Plan.of(instance, new Change.Resize(new Flavor("iotda.standard.s1", 3), true, false),
                            CatalogueFile.published(), PLACED);
                    OrderId orderId = new OrderId(ORDER_PREFIX
                            + String.format("%5s", Integer.toString(n, 36).toUpperCase()).replace(' ', '0'));
                    TaskId taskId = Plan.taskId(instance, UUID.randomUUID());
                    Plan.Placement placed = plan.placement(instance, orderId, taskId, PLACED);
                    world.orders.place(placed.order(), placed.instance(), placed.task());
                    return null;
                }));
            }
            for (Future<?> future : written) {
                future.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    @Test
    void aWindowOpeningWithManyDueOrdersFinishesWithinTheWindow() throws Exception {
        List<Double> sequential = new ArrayList<>();
        List<Double> parallel = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Outcome one;
            Outcome many;
            if (round % 2 == 0) {
                one = burst(COMPARE, 1);
                many = burst(COMPARE, PARALLELISM);
            } else {
                many = burst(COMPARE, PARALLELISM);
                one = burst(COMPARE, 1);
            }
            sequential.add(one.seconds());
            parallel.add(many.seconds());
            ratios.add(one.seconds() / many.seconds());
        }
        Outcome whole = burst(BURST, PARALLELISM);
        assertEquals(0, whole.deferred(), "no due order pushed to another window");
        assertEquals(BURST, whole.executed());
        String table = String.format("Processor burst: orders due at one window opening, run after run (each starts "
                        + "no page after 110 s) until none is due, on DynamoDB Local; %d round(s), alternating, "
                        + "medians.%n%n| figure | measured |%n|---|---|%n"
                        + "| %d orders, one at a time | %.1f s |%n"
                        + "| %d orders, %d at a time (the template's PROCESSOR_PARALLELISM) | %.1f s (%.2fx faster) |%n"
                        + "| %d orders, %d at a time | %.1f s in %d run(s), %.0f orders/s, none deferred |%n",
                ROUNDS, COMPARE, FunctionBenchmark.median(sequential), COMPARE, PARALLELISM,
                FunctionBenchmark.median(parallel), FunctionBenchmark.median(ratios), BURST,
                PARALLELISM, whole.seconds(), whole.runs(), BURST / whole.seconds());
        System.out.println(table);
        String out = System.getProperty("bench.out");
        Path file = out == null ? Path.of("target/bench-burst.md") : Path.of(out);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, table);
    }
}

package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.PREPAID;
import static cloud.iotda.testing.TestWorld.PREPAID_RESIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.Service;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceCount;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Pay and cancel of one order at once: one wins, the other is refused as the order it finds deserves (IOTDA.060010
 * or 060011), never an internal error, however their reads interleave with the winner's write.
 */
class PayCancelRaceTest {
    private static final String RESIZE = "{\"flavor\": {\"type\": \"iotda.standard.s2\", \"size\": 2}}";

    /** Instances whose next read first lets {@code winner} run: its write falls between the loser's two reads. */
    private static final class WriteBetweenReads implements Instances {
        private final Instances store;
        private Runnable winner;

        WriteBetweenReads(Instances store) {
            this.store = store;
        }

        @Override
        public Optional<Instance> find(InstanceRef ref) {
            Runnable first = winner;
            winner = null;
            if (first != null) {
                first.run();
            }
            return store.find(ref);
        }

        @Override
        public void create(Instance instance) {
            store.create(instance);
        }

        @Override
        public void update(Instance changed) {
            store.update(changed);
        }

        @Override
        public Page<Instance> listed(String projectId, Optional<String> before, int limit) {
            return store.listed(projectId, before, limit);
        }

        @Override
        public Optional<InstanceCount> counted(String projectId) {
            return store.counted(projectId);
        }

        @Override
        public Page<Instance> subscriptionsDue(Instant now, int limit, String cursor) {
            return store.subscriptionsDue(now, limit, cursor);
        }

        @Override
        public List<Instance> all() {
            return store.all();
        }
    }

    @Test
    void theLoserOfARaceWhoseWriteFellBetweenItsReadsGetsTheOrdersRefusal() {
        TestWorld world = TestWorld.inMemory();
        WriteBetweenReads instances = new WriteBetweenReads(world.instances);
        Service loser = new Service(instances, world.orders, world.credentials, world.sales, world.tasks,
                world.passes, world.clock, TestWorld.REGION);
        OrderId paid = new OrderId(world.resize(PREPAID, RESIZE).orderId());
        OrderId cancelled = new OrderId(world.resize(PREPAID_RESIZE, RESIZE).orderId());

        instances.winner = () -> world.service.lifecycle().cancel(paid);
        assertEquals(Reason.ORDER_NOT_PAYABLE, assertThrows(Rejected.class, () -> loser.lifecycle().pay(paid))
                .reason());
        instances.winner = () -> world.service.lifecycle().pay(cancelled);
        assertEquals(Reason.ORDER_FINISHED, assertThrows(Rejected.class, () -> loser.lifecycle().cancel(cancelled))
                .reason());
        assertEquals(OrderStatus.CANCELLED, world.orders.findById(paid).orElseThrow().status());
        assertEquals(OrderStatus.COMPLETED, world.orders.findById(cancelled).orElseThrow().status());
    }

    @Test
    void payAndCancelRacedOnDynamoDbLocalEndInOneWinnerAndARefusal() throws Exception {
        TestWorld world = new TestWorld();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int race = 0; race < 12; race++) {
                String instance = race % 2 == 0 ? PREPAID : PREPAID_RESIZE;
                TestWorld.Response placed = world.resize(instance, "{\"flavor\": {\"type\": \"iotda.standard.s1\","
                        + " \"size\": " + (3 + race) + "}}");
                assertEquals(200, placed.status(), placed.body().toString());
                OrderId order = new OrderId(placed.orderId());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> outcomes = new ArrayList<>();
                for (Supplier<?> step : List.<Supplier<?>>of(() -> world.service.lifecycle().pay(order),
                        () -> world.service.lifecycle().cancel(order))) {
                    outcomes.add(threads.submit(() -> {
                        start.await();
                        try {
                            return step.get();
                        } catch (Rejected refused) {
                            return refused.reason();
                        }
                    }));
                }
                start.countDown();
                List<Object> results = new ArrayList<>();
                for (Future<Object> outcome : outcomes) {
                    results.add(outcome.get());
                }
                long refusals = results.stream().filter(result -> result instanceof Reason).count();
                assertEquals(1, refusals, "one winner, one refusal: " + results);
                assertTrue(results.contains(Reason.ORDER_NOT_PAYABLE) || results.contains(Reason.ORDER_FINISHED),
                        results.toString());
                OrderStatus status = world.orders.findById(order).orElseThrow().status();
                assertTrue(status == OrderStatus.COMPLETED || status == OrderStatus.CANCELLED, status.toString());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}

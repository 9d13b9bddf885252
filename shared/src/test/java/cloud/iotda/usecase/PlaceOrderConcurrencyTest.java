package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.testing.TestWorld.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** 32 requests at once on one instance, against DynamoDB Local's real conditional transactions. */
class PlaceOrderConcurrencyTest {
    private static final int THREADS = 32;
    private final TestWorld world = new TestWorld();

    /** Starts all requests at the same moment and returns their responses in request order. */
    private List<Response> concurrently(IntFunction<String> bodyOf) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String body = bodyOf.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return world.resize(STANDARD, body);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String sized(int size, boolean delay) {
        return "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":" + size + "},\"delay\":" + delay + "}";
    }

    @Test
    void differentDelayedResizesLetExactlyOneThrough() throws Exception {
        List<Response> responses = concurrently(i -> sized(3 + i, true));

        List<Response> accepted = responses.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, accepted.size());
        for (Response rejected : responses) {
            if (rejected.status() != 200) {
                assertEquals("IOTDA.060002", rejected.errorCode(), rejected.errorMessage());
            }
        }
        List<Order> orders = world.ordersOf(STANDARD);
        assertEquals(1, orders.size());
        assertEquals(accepted.get(0).orderId(), orders.get(0).orderId().value());
        assertEquals(accepted.get(0).orderId(), world.instance(STANDARD).orderId().value());
    }

    @Test
    void differentImmediateResizesLoseNoUpdate() throws Exception {
        List<Response> responses = concurrently(i -> sized(3 + i, false));

        List<String> acceptedIds = responses.stream().filter(r -> r.status() == 200).map(Response::orderId).toList();
        for (Response response : responses) {
            // Every target size is distinct and none is the starting size, so no request can be refused.
            assertEquals(200, response.status(), response.body().toString());
        }
        Map<String, Order> orders = world.ordersOf(STANDARD).stream()
                .collect(Collectors.toMap(order -> order.orderId().value(), order -> order));
        assertEquals(Set.copyOf(acceptedIds), orders.keySet(),
                "every 200 has exactly one order, and no order is extra");
        assertEquals(acceptedIds.size(), orders.size());

        Instance instance = world.instance(STANDARD);
        assertEquals(acceptedIds.size(), instance.version(), "one instance write per accepted order");
        Order last = orders.get(instance.orders().last().orderId().value());
        assertEquals(((Change.Resize) last.change()).flavor(), instance.flavor(),
                "the last order's flavor is the one held");
        assertNull(instance.orderId());
    }

    @Test
    void identicalRetriesMakeOneOrder() throws Exception {
        List<Response> responses = concurrently(i -> sized(7, false));

        Set<String> ids = responses.stream().peek(r -> assertEquals(200, r.status(), r.body().toString()))
                .map(Response::orderId).collect(Collectors.toSet());
        assertEquals(1, ids.size());
        assertEquals(1, world.ordersOf(STANDARD).size());
        assertEquals(new Flavor("iotda.standard.s1", 7), world.instance(STANDARD).flavor());
    }

    @Test
    void identicalDelayedRetriesMakeOneOrder() throws Exception {
        List<Response> responses = concurrently(i -> sized(9, true));

        assertEquals(1, responses.stream().map(Response::orderId).collect(Collectors.toSet()).size());
        assertTrue(responses.stream().allMatch(r -> r.status() == 200));
        assertEquals(1, world.ordersOf(STANDARD).size());
    }
}

package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.adapter.dynamodb.DynamoDbStore;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.testing.CapturedLogs;
import cloud.iotda.usecase.port.Page;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * 64 clients at once against the local API (the real handlers on DynamoDB Local) for 10 s ({@code -Dload.seconds}
 * for longer), mixed valid and invalid requests over 200 instances, while every 50th DynamoDB call fails as an
 * outage does. No 5xx but the 503s the faults cause (one per faulted call); as many orders as distinct order ids
 * answered 200; every instance as its completed orders say. Prints requests per second and latency percentiles.
 */
class LocalApiLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = "0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b";
    private static final String TOKEN = "load-token-0e3f";
    private static final int INSTANCES = 200;
    private static final int CLIENTS = 64;
    private static final int FAULT_EVERY_NTH_CALL = 50;
    private static final Set<Integer> EXPECTED = Set.of(200, 204, 400, 401, 404, 409, 503);

    private static String instanceId(int i) {
        return String.format("10ad0000-0000-4000-8000-%012d", i);
    }

    private static Path seed(Path dir) throws Exception {
        ObjectNode seed = JSON.createObjectNode();
        seed.putArray("credentials").addObject().put("project_id", PROJECT).put("token", TOKEN)
                .put("token_expires_at", "2099-01-01T00:00:00Z");
        ArrayNode instances = seed.putArray("instances");
        for (int i = 0; i < INSTANCES; i++) {
            ObjectNode instance = instances.addObject().put("project_id", PROJECT).put("instance_id", instanceId(i))
                    .put("name", "load-" + i).put("instance_type", "standard").put("charge_mode", "postPaid")
                    .put("status", "ACTIVE");
            instance.putObject("flavor").put("type", "iotda.standard.s1").put("size", 2);
        }
        Path file = dir.resolve("load-seed.json");
        Files.writeString(file, JSON.writeValueAsString(seed));
        return file;
    }

    /** One request of the mix and what it is. */
    private record Call(String kind, String method, String path, String token, String body) {
    }

    private static Call next(SplittableRandom random) {
        String instance = "/v5/iot/" + PROJECT + "/iotda-instances/" + instanceId(random.nextInt(INSTANCES));
        int roll = random.nextInt(100);
        if (roll < 35) {
            return new Call("resize", "POST", instance + "/resize", TOKEN,
                    "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":" + (1 + random.nextInt(200))
                            + "},\"is_auto_pay\":true}");
        } else if (roll < 45) {
            return new Call("charge", "POST", instance + "/change-charge-mode", TOKEN,
                    "{\"period_type\":\"month\",\"period_num\":1,\"is_auto_pay\":true}");
        } else if (roll < 65) {
            return new Call("show", "GET", instance, TOKEN, null);
        } else if (roll < 75) {
            return new Call("update", "PUT", instance, TOKEN, "{\"name\":\"n-" + random.nextInt(1000) + "\"}");
        } else if (roll < 85) {
            return new Call("invalid", "POST", instance + "/resize", TOKEN,
                    random.nextBoolean() ? "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":0}}" : "{\"flavor\":");
        } else if (roll < 90) {
            return new Call("unknown", "GET", "/v5/iot/" + PROJECT + "/iotda-instances/" + instanceId(999), TOKEN,
                    null);
        } else if (roll < 95) {
            return new Call("bad-token", "GET", instance, "not-a-token-" + random.nextInt(), null);
        }
        return new Call("list", "GET", "/v5/iot/" + PROJECT + "/iotda-instances?limit=10", TOKEN, null);
    }

    @Test
    void sixtyFourClientsWithFaultsGetNoUnexplained5xxAndLoseNoOrder(@TempDir Path dir) throws Exception {
        CapturedLogs.start();
        int seconds = Integer.getInteger("load.seconds", 10);
        Path root = LocalApiEndToEndTest.repoRoot();
        LocalApi.Options options = new LocalApi.Options(0, 0, null, seed(dir), root.resolve("template.yaml"));
        try (LocalApi api = LocalApi.start(options)) {
            String base = "http://127.0.0.1:" + api.port();
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            Set<String> orderIds = ConcurrentHashMap.newKeySet();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();

            RateFaults.arm(FAULT_EVERY_NTH_CALL);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                SplittableRandom random = new SplittableRandom(20261125L + c);
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        Call call = next(random);
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path()))
                                .header("X-Auth-Token", call.token())
                                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(call.body()));
                        if (call.body() != null) {
                            request.header("Content-Type", "application/json");
                        }
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(request.build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - sent);
                        int status = response.statusCode();
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        if (!EXPECTED.contains(status)) {
                            unexpected.add(call.kind() + " " + status + " " + response.body());
                        }
                        if (status == 200 && (call.kind().equals("resize") || call.kind().equals("charge"))) {
                            orderIds.add(JSON.readTree(response.body()).get("order_id").asText());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            RateFaults.disarm();
            clients.shutdown();

            long total = latencies.size();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("load: %d clients, %.1f s, %d requests, %.0f requests/s, p50 %.1f ms, p99 %.1f ms, "
                            + "statuses %s, DynamoDB calls %d of which faulted %d%n", CLIENTS, elapsed, total,
                    total / elapsed, sorted.get((int) (total * 0.50)) / 1e6, sorted.get((int) (total * 0.99)) / 1e6,
                    new TreeMap<>(statuses), RateFaults.calls(), RateFaults.faultedCalls());

            assertEquals(List.of(), unexpected.subList(0, Math.min(unexpected.size(), 10)), "no other status");
            long unavailable = statuses.getOrDefault(503, new AtomicLong()).get();
            assertTrue(RateFaults.faultedCalls() > 0, "faults were injected");
            assertEquals(RateFaults.faultedCalls(), unavailable, "one 503 per faulted call, and no other 503");
            assertStoredAsAnswered(api, orderIds);
        }
        CapturedLogs.assertNoCredentials(List.of(TOKEN));
    }

    /** As many orders as order ids answered; each instance as its completed orders say. */
    private static void assertStoredAsAnswered(LocalApi api, Set<String> answeredOrderIds) {
        try (DynamoDbClient client = LocalDynamo.client(api.dynamoEndpoint())) {
            DynamoDbStore store = new DynamoDbStore(client, LocalDynamo.TABLE);
            int stored = 0;
            for (int i = 0; i < INSTANCES; i++) {
                InstanceRef ref = new InstanceRef(PROJECT, instanceId(i));
                List<Order> orders = new ArrayList<>();
                String marker = null;
                do {
                    Page<Order> page = store.list(ref, 100, marker == null ? null
                            : new OrderId(marker));
                    orders.addAll(page.items());
                    marker = page.next();
                } while (marker != null);
                stored += orders.size();
                orders.forEach(order -> assertTrue(answeredOrderIds.contains(order.orderId().value()),
                        "an order nobody was told of: " + order.orderId()));
                Instance instance = store.find(ref).orElseThrow();
                List<Order> completed = orders.stream().filter(o -> o.status() == OrderStatus.COMPLETED).toList();
                int expectedSize = completed.stream().filter(o -> o.change() instanceof Change.Resize).findFirst()
                        .map(o -> ((Change.Resize) o.change()).flavor().size()).orElse(2);
                assertEquals(expectedSize, instance.flavor().size(), ref + ": its newest completed resize");
                boolean prepaid = completed.stream().anyMatch(o -> o.change() instanceof Change.ChargeModeChange);
                assertEquals(prepaid ? ChargeMode.PRE_PAID : ChargeMode.POST_PAID, instance.chargeMode(),
                        ref.toString());
                assertEquals(null, instance.orderId(), ref + ": every order completed at once");
            }
            assertEquals(answeredOrderIds.size(), stored, "one stored order per order id answered");
        }
    }
}

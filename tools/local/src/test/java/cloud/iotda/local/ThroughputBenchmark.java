package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.adapter.dynamodb.DynamoDbStore;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.Sha256;
import cloud.iotda.testing.LocalDynamoDb;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The throughput figure of bench/run: 16 clients calling ShowInstance on the local API (HTTP, the real handler,
 * its authentication and rendering) against 16 clients issuing the same two DynamoDB reads (the token, the
 * instance) straight to the same DynamoDB Local, alternating, median of the per-round ratios. Smoke run in the
 * normal tests; bench/run sets {@code -Dbench.rounds=7 -Dbench.seconds=3}.
 */
class ThroughputBenchmark {
    private static final int CLIENTS = 16;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 1);
    /** Rounds of both ways before the measured ones, for the JIT to settle on both paths. */
    private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmUpRounds", 1);
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "1"));
    private static final String PROJECT = "0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b";
    private static final String INSTANCE = "0000000a-0000-4000-8000-000000000001";
    private static final String TOKEN = "e2e-token-a";

    private static long during(Callable<Boolean> call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long deadline = System.nanoTime() + (long) (SECONDS * 1e9);
            List<Future<Long>> counts = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                counts.add(clients.submit(() -> {
                    long done = 0;
                    while (System.nanoTime() < deadline) {
                        assertTrue(call.call());
                        done++;
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void localApiAgainstTheSameReadsStraightToDynamoDb() throws Exception {
        try (LocalApi api = LocalApiEndToEndTest.startOnE2eSeed();
             // The service's own client settings (DynamoDbClients), so that only the API's own work differs.
             DynamoDbClient client = LocalDynamoDb.serviceClient(api.dynamoEndpoint(), List.of())) {
            URL show = URI.create("http://127.0.0.1:" + api.port() + "/v5/iot/" + PROJECT + "/iotda-instances/"
                    + INSTANCE).toURL();
            DynamoDbStore store = new DynamoDbStore(client, LocalDynamo.TABLE);
            InstanceRef ref = new InstanceRef(PROJECT, INSTANCE);
            byte[] token = Sha256.of(TOKEN);
            // The JDK's HttpURLConnection, kept-alive: the HTTP client the SDK uses for the direct reads too.
            Callable<Boolean> viaApi = () -> {
                HttpURLConnection connection = (HttpURLConnection) show.openConnection();
                connection.setRequestProperty("X-Auth-Token", TOKEN);
                try (InputStream body = connection.getInputStream()) {
                    body.readAllBytes();
                }
                return connection.getResponseCode() == 200;
            };
            Callable<Boolean> direct = () -> store.findToken(token).isPresent() && store.find(ref).isPresent();
            for (int warmUp = 0; warmUp < WARM_UP_ROUNDS; warmUp++) {
                during(viaApi);
                during(direct);
            }

            List<Double> ratios = new ArrayList<>();
            List<Double> apiRates = new ArrayList<>();
            List<Double> directRates = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                boolean apiFirst = round % 2 == 0;
                long first = during(apiFirst ? viaApi : direct);
                long second = during(apiFirst ? direct : viaApi);
                double apiRate = (apiFirst ? first : second) / SECONDS;
                double directRate = (apiFirst ? second : first) / SECONDS;
                apiRates.add(apiRate);
                directRates.add(directRate);
                ratios.add(apiRate / directRate);
            }
            String row = String.format("| local API throughput vs the same DynamoDB reads straight to DynamoDB Local, "
                            + "%d clients | %.0f requests/s | %.0f read pairs/s | %.2fx |%n", CLIENTS,
                    median(apiRates), median(directRates), median(ratios));
            String table = String.format("Throughput: %d round(s) of %.1f s each way, alternating, medians.%n%n"
                    + "| figure | local API | straight to DynamoDB Local | ratio |%n|---|---|---|---|%n%s",
                    ROUNDS, SECONDS, row);
            System.out.println(table);
            String out = System.getProperty("bench.out");
            Path file = out == null ? Path.of("target/bench-throughput.md") : Path.of(out);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, table);
            assertEquals(ROUNDS, ratios.size());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

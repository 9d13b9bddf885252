package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.Settings;
import cloud.iotda.adapter.dynamodb.DynamoDbStore;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.Sha256;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.template.Template;
import cloud.iotda.testing.LocalDynamoDb;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * The throughput figure of bench/run: 16 clients sending ShowInstance (the fixture events/show-instance.json) three
 * ways, against the local API on its demo seed, which holds the fixture's token and instance: over HTTP to the
 * local API (the real handler, its authentication and rendering); to the same handler in this JVM, the fixture as
 * JSON in and the response read back as the local API reads it, without the HTTP exchange (what no HTTP layer of the
 * local API can exceed); and as the same two DynamoDB reads (the token, the instance) straight to the same DynamoDB
 * Local. Rounds alternate and rotate the order; medians of the per-round ratios. Smoke run in the normal tests;
 * bench/run sets {@code -Dbench.rounds=7 -Dbench.seconds=3}.
 */
class ThroughputBenchmark {
    private static final int CLIENTS = 16;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 1);
    /** Rounds of every way before the measured ones, for the JIT to settle on all paths. */
    private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmUpRounds", 1);
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "1"));

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
        Path root = LocalApiEndToEndTest.repoRoot();
        byte[] event = Files.readAllBytes(root.resolve("events/show-instance.json"));
        JsonNode fixture = JsonTrees.read(event);
        String project = fixture.path("pathParameters").path("project_id").asText();
        String instance = fixture.path("pathParameters").path("instance_id").asText();
        String token = fixture.path("headers").path("X-Auth-Token").asText();
        Template template = Template.load(root.resolve("template.yaml"));
        LocalApi uncachedApi;
        // A second local API whose functions read the credential on every request, as with AuthCacheTtlSeconds 0:
        // the functions read the setting when the local API builds them.
        System.setProperty(Settings.AUTH_CACHE_TTL_ENV, "0");
        try {
            uncachedApi = LocalApi.start(new LocalApi.Options(0, 0, null, null, root.resolve("template.yaml")));
        } finally {
            System.clearProperty(Settings.AUTH_CACHE_TTL_ENV);
        }
        try (LocalApi uncached = uncachedApi;
             LocalApi api = LocalApi.start(new LocalApi.Options(0, 0, null, null, root.resolve("template.yaml")));
             // The service's own client settings (DynamoDbClients), so that only the API's own work differs.
             DynamoDbClient client = LocalDynamoDb.serviceClient(api.dynamoEndpoint(), List.of())) {
            Callable<Boolean> viaApi = showInstanceOver(api, fixture, token);
            Callable<Boolean> viaUncachedApi = showInstanceOver(uncached, fixture, token);
            // Built after the local API has set the environment, as the local API builds its handlers.
            RequestStreamHandler handler = LocalRoute.match(LocalRoute.fromTemplate(template, api.services()),
                    fixture.path("httpMethod").asText(), fixture.path("path").asText()).route().handler();
            Callable<Boolean> inThisJvm = () -> {
                ByteArrayOutputStream response = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(event), response, null);
                return JsonTrees.read(response.toByteArray()).path("statusCode").asInt() == 200;
            };
            DynamoDbStore store = new DynamoDbStore(client, LocalDynamo.TABLE);
            InstanceRef ref = new InstanceRef(project, instance);
            byte[] tokenHash = Sha256.of(token);
            Callable<Boolean> direct = () -> store.findToken(tokenHash).isPresent() && store.find(ref).isPresent();
            List<Callable<Boolean>> ways = List.of(viaApi, viaUncachedApi, inThisJvm, direct);
            for (int warmUp = 0; warmUp < WARM_UP_ROUNDS; warmUp++) {
                for (Callable<Boolean> way : ways) {
                    during(way);
                }
            }

            List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
            List<List<Double>> ratios = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int round = 0; round < ROUNDS; round++) {
                double[] rate = new double[ways.size()];
                for (int i = 0; i < ways.size(); i++) {
                    int way = (round + i) % ways.size();
                    rate[way] = during(ways.get(way)) / SECONDS;
                }
                for (int way = 0; way < ways.size(); way++) {
                    rates.get(way).add(rate[way]);
                }
                for (int way = 0; way < 3; way++) {
                    ratios.get(way).add(rate[way] / rate[3]);
                }
            }
            String rows = String.format("| local API throughput vs the same two DynamoDB reads (token, instance) "
                            + "straight to DynamoDB Local, %d clients; functions with the credential cache (60 s, one "
                            + "read a request) | %.0f requests/s | %.0f read pairs/s | %.2fx |%n"
                            + "| the same, functions without the cache (AuthCacheTtlSeconds 0: two reads a request) "
                            + "| %.0f requests/s | | %.2fx |%n"
                            + "| the same handler (with the cache) called in this JVM with the fixture event, without "
                            + "HTTP (what no HTTP layer can exceed) | %.0f requests/s | | %.2fx |%n", CLIENTS,
                    median(rates.get(0)), median(rates.get(3)), median(ratios.get(0)), median(rates.get(1)),
                    median(ratios.get(1)), median(rates.get(2)), median(ratios.get(2)));
            String table = String.format("Throughput: %d round(s) of %.1f s each way, order rotating, medians; "
                    + "ShowInstance as in events/show-instance.json.%n%n"
                    + "| figure | measured | straight to DynamoDB Local | ratio |%n|---|---|---|---|%n%s",
                    ROUNDS, SECONDS, rows);
            System.out.println(table);
            String out = System.getProperty("bench.out");
            Path file = out == null ? Path.of("target/bench-throughput.md") : Path.of(out);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, table);
            // Each call already had to succeed; a way that finished none in a round would make its ratios meaningless.
            for (List<Double> way : rates) {
                assertTrue(Collections.min(way) > 0, table);
            }
        }
    }

    /** ShowInstance as the fixture sends it, to {@code api}, over the JDK's HttpURLConnection, kept alive. */
    private static Callable<Boolean> showInstanceOver(LocalApi api, JsonNode fixture, String token)
            throws IOException {
        // The HTTP client the SDK uses for the direct reads too.
        URL show = URI.create("http://127.0.0.1:" + api.port() + fixture.path("path").asText()).toURL();
        return () -> {
            HttpURLConnection connection = (HttpURLConnection) show.openConnection();
            connection.setRequestProperty("X-Auth-Token", token);
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();
            }
            return connection.getResponseCode() == 200;
        };
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

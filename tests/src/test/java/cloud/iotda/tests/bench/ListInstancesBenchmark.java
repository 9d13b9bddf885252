package cloud.iotda.tests.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.Settings;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.edge.Operation;
import cloud.iotda.template.Template;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.testing.TestWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * ListInstances with {@code ?limit=10} on projects of growing size, on DynamoDB Local: the call's time (through the
 * operation's gateway, the credential cached as in a warm function) and the read units DynamoDB reports for it.
 * The projects are measured in alternating rounds, medians; each figure beside the smallest project's. A page should
 * read what it shows, whatever the project holds. Smoke run in the normal tests (10 and 200 instances, 3 rounds;
 * the read units, which do not vary between runs, are checked); bench/run sets
 * {@code -Dbench.listSizes=10,250,1000,2000 -Dbench.rounds=7}.
 */
class ListInstancesBenchmark {
    private static final int[] SIZES = Arrays.stream(System.getProperty("bench.listSizes", "10,200").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int CALLS = Integer.getInteger("bench.listCalls", 20);
    /** A project of its own, so the fixtures' instances are not counted. */
    private static final String PROJECT = "b0b1b2b3b4b5b6b7b8b9babbbcbdbebf";
    private static final String TOKEN = "bench-list-token";

    record Figures(double millis, double readUnits) {
    }

    @Test
    void aPageOfTenCostsTheSameWhateverTheProjectHolds() throws Exception {
        Template template = Template.load(RepoFiles.template());
        CapacityMeter meter = new CapacityMeter(template.createTableRequest("measured"));
        try (DynamoDbClient client = LocalDynamoDb.serviceClient(LocalDynamoDb.get().endpoint(), List.of(meter))) {
            Map<Integer, TestWorld> worlds = new LinkedHashMap<>();
            for (int size : SIZES) {
                worlds.put(size, project(client, size));
            }
            Map<Integer, List<Double>> millis = new LinkedHashMap<>();
            Map<Integer, Double> units = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<Integer, TestWorld> world : worlds.entrySet()) {
                    Figures figures = measure(world.getValue(), meter);
                    millis.computeIfAbsent(world.getKey(), size -> new ArrayList<>()).add(figures.millis());
                    units.put(world.getKey(), figures.readUnits());
                }
            }
            StringBuilder table = new StringBuilder("ListInstances `?limit=10`, through the operation's gateway on "
                    + "DynamoDB Local, the credential cached: median of " + ROUNDS + " alternating rounds of "
                    + CALLS + " calls; read units as DynamoDB Local reports them for one call.\n\n"
                    + "| instances in the project | ms per call | vs " + SIZES[0] + " | read units per call | vs "
                    + SIZES[0] + " |\n|---|---|---|---|---|\n");
            double baseMillis = FunctionBenchmark.median(millis.get(SIZES[0]));
            double baseUnits = units.get(SIZES[0]);
            for (int size : SIZES) {
                double median = FunctionBenchmark.median(millis.get(size));
                table.append(String.format("| %,d | %.2f | %.2fx | %.1f | %.2fx |%n", size, median,
                        median / baseMillis, units.get(size), units.get(size) / baseUnits));
            }
            System.out.println(table);
            String out = System.getProperty("bench.out");
            if (out != null) {
                Files.writeString(Path.of(out), table.toString());
            }
            for (int size : SIZES) {
                assertTrue(units.get(size) <= baseUnits * 1.2, "a page of 10 reads what it shows: " + units);
            }
        }
    }

    /** A world whose own project holds {@code size} standard instances (the fixtures' other projects aside). */
    private static TestWorld project(DynamoDbClient client, int size) {
        TestWorld world = new TestWorld(client, new Settings(Duration.ofSeconds(600), 1));
        world.credentials.saveToken(new StoredToken(Sha256.of(TOKEN), PROJECT, Instant.parse("2099-01-01T00:00:00Z")));
        Instant created = TestWorld.START.minus(Duration.ofDays(1));
        for (int i = 0; i < size; i++) {
            world.instances.create(Instance.create(new InstanceRef(PROJECT, UUID.randomUUID().toString()),
                    Edition.STANDARD, new Flavor("iotda.standard.s1", 1)).name("bench-" + i).regionId("bench")
                    .at(created.plusMillis(i)));
        }
        return world;
    }

    private static Figures measure(TestWorld world, CapacityMeter meter) {
        Map<String, String> project = Map.of("project_id", PROJECT);
        // Once unmeasured: the credential is then in the function's memory, as in a warm function.
        assertEquals(200, world.send(Operation.LIST_INSTANCES, "GET", project, Map.of("limit", "10"), null, TOKEN)
                .status());
        meter.reset();
        long started = System.nanoTime();
        for (int call = 0; call < CALLS; call++) {
            TestWorld.Response page = world.send(Operation.LIST_INSTANCES, "GET", project, Map.of("limit", "10"),
                    null, TOKEN);
            assertEquals(200, page.status(), page.body().toString());
        }
        double millis = (System.nanoTime() - started) / 1e6 / CALLS;
        return new Figures(millis, meter.readUnits() / CALLS);
    }
}

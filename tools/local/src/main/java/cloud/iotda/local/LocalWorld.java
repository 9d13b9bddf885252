package cloud.iotda.local;

import cloud.iotda.Service;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What the local world keeps of itself in its table: the seed the local API loaded at start, so that
 * {@code iotda-admin reset} can bring the world back to it, and (in {@link LocalClock}) its clock.
 */
final class LocalWorld {
    private static final Map<String, AttributeValue> SEED_KEY = Map.of("pk", AttributeValue.fromS("LOCAL#SEED"),
            "sk", AttributeValue.fromS("#META"));

    private LocalWorld() {
    }

    /** Records the seed file the local API started with (null: the built-in demo seed) and its region. */
    static void recordSeed(DynamoDbClient client, Path seed, String regionId) {
        client.putItem(request -> request.tableName(LocalDynamo.TABLE).item(Map.of("pk", SEED_KEY.get("pk"),
                "sk", SEED_KEY.get("sk"), "entity", AttributeValue.fromS("LOCAL_SEED"),
                "seed", AttributeValue.fromS(seed == null ? "" : seed.toAbsolutePath().toString()),
                "regionId", AttributeValue.fromS(regionId))));
    }

    /**
     * The local world as the local API started it: every item of the table removed, the seed it loaded applied again,
     * and the clock back at real time; what it did, as a line to print.
     */
    static String reset(DynamoDbClient client) {
        var recorded = client.getItem(request -> request.tableName(LocalDynamo.TABLE).key(SEED_KEY)
                .consistentRead(true));
        if (!recorded.hasItem()) {
            throw new IllegalStateException("no local API has started on this table: start ./bin/local-api first");
        }
        String file = recorded.item().get("seed").s();
        Path seedFile = file.isEmpty() ? null : Path.of(file);
        // The region the local API answers as (--region-id), which its seed's instances were made in.
        String regionId = recorded.item().containsKey("regionId") ? recorded.item().get("regionId").s()
                : Service.DEFAULT_REGION_ID;
        Seed seed = Seed.load(seedFile, regionId);
        List<WriteRequest> deletes = new ArrayList<>();
        client.scanPaginator(request -> request.tableName(LocalDynamo.TABLE).consistentRead(true)
                .projectionExpression("pk, sk")).items().forEach(item -> deletes.add(WriteRequest.builder()
                .deleteRequest(delete -> delete.key(item)).build()));
        for (int from = 0; from < deletes.size(); from += 25) {
            Map<String, List<WriteRequest>> batch = Map.of(LocalDynamo.TABLE,
                    deletes.subList(from, Math.min(deletes.size(), from + 25)));
            while (!batch.isEmpty()) {
                Map<String, List<WriteRequest>> request = batch;
                batch = client.batchWriteItem(write -> write.requestItems(request)).unprocessedItems();
            }
        }
        LocalClock clock = new LocalClock(client, LocalDynamo.TABLE, Clock.systemUTC());
        clock.reset();
        seed.apply(Service.local(client, LocalDynamo.TABLE, clock, regionId), clock);
        recordSeed(client, seedFile, regionId);
        return "reset: the local world as the local API started it, the seed " + (seedFile == null
                ? Seed.DEMO + " (built in)" : seedFile.toString()) + " loaded again, the clock at real time";
    }
}

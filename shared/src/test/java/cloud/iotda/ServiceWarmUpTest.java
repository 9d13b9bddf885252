package cloud.iotda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.iotda.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The warm-up a function's init runs on a thread of its own, which drops what it throws: here it is seen. */
class ServiceWarmUpTest {
    @Test
    void warmUpRunsToItsEndAndLeavesTheTableUntouched() {
        String table = LocalDynamoDb.get().createTable();
        Service.warmUp(table, "cn-north-4");
        DynamoDbClient client = LocalDynamoDb.get().client();
        assertEquals(0, client.scan(request -> request.tableName(table)).count());
    }
}

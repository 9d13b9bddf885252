package cloud.iotda.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.iotda.testing.LocalDynamoDb;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbClientsTest {
    @Test
    void buildsAClientThatReachesDynamoDb() {
        String table = LocalDynamoDb.get().createTable();
        try (DynamoDbClient client = LocalDynamoDb.serviceClient(LocalDynamoDb.get().endpoint(), List.of())) {
            assertEquals(table, client.describeTable(request -> request.tableName(table)).table().tableName());
        }
    }
}

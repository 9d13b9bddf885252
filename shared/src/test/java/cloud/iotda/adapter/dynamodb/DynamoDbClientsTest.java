package cloud.iotda.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cloud.iotda.testing.LocalDynamoDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

class DynamoDbClientsTest {
    @Test
    void namesItsHttpClientAsTheUrlConnectionClientNamesItself() {
        // The SDK reads the name while the HTTP client is still being built, for the user agent.
        try (UrlConnectionHttpClient client = (UrlConnectionHttpClient) UrlConnectionHttpClient.create()) {
            assertEquals(client.clientName(), DynamoDbClients.HTTP_CLIENT_NAME);
        }
    }

    @Test
    void offlineClientAnswersEveryReadAsAMissingItemFromWithinTheProcess() {
        // Signed with made-up credentials for a table that exists nowhere: only the client itself can answer this.
        try (DynamoDbClient client = DynamoDbClients.offline("offline-test", Region.of("cn-north-4"))) {
            GetItemResponse answer = client.getItem(request -> request.tableName("offline-test")
                    .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("b"))));
            assertFalse(answer.hasItem());
        }
    }

    @Test
    void buildsAClientThatReachesDynamoDb() {
        String table = LocalDynamoDb.get().createTable();
        try (DynamoDbClient client = LocalDynamoDb.serviceClient(LocalDynamoDb.get().endpoint(), List.of())) {
            assertEquals(table, client.describeTable(request -> request.tableName(table)).table().tableName());
        }
    }
}

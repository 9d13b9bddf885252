package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.template.Template;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every client of the local API's DynamoDB sees the same table, whatever its access key and region: a function run
 * by `sam local invoke` with the user's credentials, the AWS CLI, any SDK. In memory and on disk.
 */
class LocalDynamoTest {
    @TempDir
    Path data;

    private static DynamoDbClient clientAs(String endpoint, String accessKey, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "s")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyCredentialAndRegionSeesTheOneTable(boolean onDisk) throws Exception {
        Template template = Template.load(LocalApiEndToEndTest.repoRoot().resolve("template.yaml"));
        try (LocalDynamo dynamo = LocalDynamo.start(0, onDisk ? data : null)) {
            dynamo.ensureTable(template);
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("probe"),
                    "sk", AttributeValue.fromS("#META"));
            dynamo.client().putItem(request -> request.tableName(LocalDynamo.TABLE).item(key));
            for (String[] caller : new String[][] {{"AKIDEXAMPLEUSER", "eu-central-1"}, {"other", "ap-southeast-1"}}) {
                try (DynamoDbClient client = clientAs(dynamo.endpoint(), caller[0], caller[1])) {
                    assertEquals(List.of(LocalDynamo.TABLE), client.listTables().tableNames(),
                            caller[0] + " in " + caller[1]);
                    assertEquals(key, client.getItem(request -> request.tableName(LocalDynamo.TABLE).key(key))
                            .item(), caller[0] + " in " + caller[1]);
                }
            }
        }
    }

    private static void connect(String address, int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    /**
     * It holds tokens and secret keys and has no authentication, so it must not be reachable through any address
     * of the machine but the one it was given. 127.0.0.2 is such an address: a server on every interface
     * (0.0.0.0, what DynamoDB Local does by itself) accepts there as on any other of the machine's addresses.
     */
    @Test
    void listensOnLoopbackOnlyAndIsRefusedThroughAnotherAddressOfTheMachine() throws Exception {
        try (LocalDynamo dynamo = LocalDynamo.start(0, null)) {
            connect("127.0.0.1", dynamo.port());
            assertThrows(ConnectException.class, () -> connect("127.0.0.2", dynamo.port()));
            assertEquals("http://127.0.0.1:" + dynamo.port(), dynamo.endpoint());
        }
    }

    @Test
    void listensOnEveryInterfaceOnlyWhenAskedByName() throws Exception {
        try (LocalDynamo dynamo = LocalDynamo.start("0.0.0.0", 0, null)) {
            connect("127.0.0.2", dynamo.port());
            assertEquals("http://127.0.0.1:" + dynamo.port(), dynamo.endpoint(), "clients here still use loopback");
        }
        try (LocalDynamo dynamo = LocalDynamo.start("127.0.0.2", 0, null)) {
            connect("127.0.0.2", dynamo.port());
            assertThrows(ConnectException.class, () -> connect("127.0.0.1", dynamo.port()));
            assertEquals("http://127.0.0.2:" + dynamo.port(), dynamo.endpoint());
        }
    }
}

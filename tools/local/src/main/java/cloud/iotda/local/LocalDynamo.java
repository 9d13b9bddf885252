package cloud.iotda.local;

import cloud.iotda.template.Template;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** DynamoDB Local in server mode on a loopback port: in memory, or on disk under a folder that outlives restarts. */
final class LocalDynamo implements AutoCloseable {
    static final String TABLE = "iotda-local";
    /** The region the local API's functions and DynamoDB client use (and ShowInstance's region_id there). */
    static final String REGION = "us-east-1";

    private final DynamoDBProxyServer server;
    private final int port;
    private final DynamoDbClient client;

    private LocalDynamo(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
        this.client = client(endpoint());
    }

    static LocalDynamo start(int requestedPort, Path dataDir) throws Exception {
        int port = requestedPort == 0 ? freePort() : requestedPort;
        // One database whatever the caller's access key and region (-sharedDb): without it DynamoDB Local keeps one
        // per key and region, and a function or CLI with the user's own credentials would find no table.
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-disableTelemetry",
                "-sharedDb"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            Files.createDirectories(dataDir);
            args.addAll(List.of("-dbPath", dataDir.toString()));
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        server.start();
        return new LocalDynamo(server, port);
    }

    static DynamoDbClient client(String endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates the template's table unless a kept data folder already has it. */
    void ensureTable(Template template) {
        try {
            client.describeTable(request -> request.tableName(TABLE));
        } catch (ResourceNotFoundException e) {
            client.createTable(template.createTableRequest(TABLE));
        }
    }

    int port() {
        return port;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

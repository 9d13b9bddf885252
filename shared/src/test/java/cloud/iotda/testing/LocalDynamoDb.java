package cloud.iotda.testing;

import cloud.iotda.adapter.dynamodb.DynamoDbClients;
import cloud.iotda.template.Template;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in this JVM, in server mode on a loopback port, so tests reach it over HTTP through the same
 * SDK client the functions use. Started once per JVM; every test gets its own table. One database for every
 * access key and region ({@code -sharedDb}), as a function running with anyone's credentials needs.
 */
public final class LocalDynamoDb {
    private static LocalDynamoDb instance;
    private static final Template TEMPLATE = Template.load(RepoFiles.template());

    private final int port;
    private final DynamoDbClient client;

    private LocalDynamoDb(int port) {
        this.port = port;
        this.client = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static synchronized LocalDynamoDb get() {
        if (instance == null) {
            try {
                int port = freePort();
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(port),
                                      "-disableTelemetry"});
                onLoopbackOnly(server);
                server.start();
                instance = new LocalDynamoDb(port);
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
        }
        return instance;
    }

    /** DynamoDB Local opens its port on every interface; the tests' copy listens on loopback only. */
    private static void onLoopbackOnly(DynamoDBProxyServer server) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        for (Connector connector : ((Server) field.get(server)).getConnectors()) {
            ((ServerConnector) connector).setHost("127.0.0.1");
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public DynamoDbClient client() {
        return client;
    }

    /**
     * A client with the service's own settings (DynamoDbClients: retries, timeouts) on a DynamoDB Local endpoint,
     * with {@code interceptors} (a fault injector, a call counter).
     */
    public static DynamoDbClient serviceClient(String endpoint, List<ExecutionInterceptor> interceptors) {
        return DynamoDbClients.build(interceptors, builder -> builder
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
    }

    /** A new, empty table with the key schema of template.yaml. */
    public String createTable() {
        String name = "iotda-test-" + UUID.randomUUID();
        client.createTable(TEMPLATE.createTableRequest(name));
        return name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

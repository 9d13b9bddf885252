package cloud.iotda.local;

import cloud.iotda.template.Template;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * DynamoDB Local in server mode on a port of loopback (or of the one address given): in memory, or on disk under a
 * folder that outlives restarts. It has no authentication and holds tokens and secret keys, so it never listens on
 * every interface unless that is asked for by name ({@code 0.0.0.0}).
 */
final class LocalDynamo implements AutoCloseable {
    static final String TABLE = "iotda-local";
    static final String LOOPBACK = "127.0.0.1";
    /** The region the local API's functions and DynamoDB client use (and ShowInstance's region_id there). */
    static final String REGION = "us-east-1";

    private final DynamoDBProxyServer server;
    private final String host;
    private final int port;
    private final DynamoDbClient client;

    private LocalDynamo(DynamoDBProxyServer server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.client = client(endpoint());
    }

    static LocalDynamo start(int requestedPort, Path dataDir) throws Exception {
        return start(LOOPBACK, requestedPort, dataDir);
    }

    static LocalDynamo start(String host, int requestedPort, Path dataDir) throws Exception {
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
        // Its banner (the configuration, line by line) goes to System.out; the tools print their own one line.
        PrintStream console = System.out;
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        DynamoDBProxyServer server;
        System.setOut(new PrintStream(banner, true, StandardCharsets.UTF_8));
        try {
            server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            bindTo(server, host);
            server.start();
        } catch (Exception | Error e) {
            if (!PortInUse.isBindFailure(e)) {
                console.print(banner.toString(StandardCharsets.UTF_8));
            }
            throw e;
        } finally {
            System.setOut(console);
        }
        return new LocalDynamo(server, host, port);
    }

    /**
     * DynamoDB Local has no option for the address: its Jetty server is made for a port on every interface. Its
     * connectors are given the host before they open, so nothing else ever listens.
     */
    static void bindTo(DynamoDBProxyServer server, String host) {
        Server jetty;
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            jetty = (Server) field.get(server);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("this DynamoDB Local cannot be bound to " + host
                    + " (its server is not where version 2.6 keeps it)", e);
        }
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length == 0) {
            throw new IllegalStateException("DynamoDB Local has no connector to bind to " + host);
        }
        for (Connector connector : connectors) {
            ((ServerConnector) connector).setHost(host);
        }
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

    /** Where clients on this machine reach it: its address, or loopback when it listens on every interface. */
    String endpoint() {
        String reachable = "0.0.0.0".equals(host) || "::".equals(host) ? LOOPBACK : host;
        return "http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port;
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

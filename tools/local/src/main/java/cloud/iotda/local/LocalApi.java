package cloud.iotda.local;

import cloud.iotda.Service;
import cloud.iotda.edge.ApiGateway;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The API on one machine: DynamoDB Local in server mode, and an HTTP server that turns each request into the
 * API Gateway proxy event the deployed API would send and hands it to the handler class that template.yaml names
 * for that route, built as Lambda builds it (no-arg constructor, settings from the environment).
 */
public final class LocalApi implements AutoCloseable {
    private final LocalDynamo dynamo;
    private final HttpServer server;
    private final ExecutorService workers;
    private final List<LocalRoute> routes;
    private final Map<String, Template.GatewayResponse> gatewayResponses;
    /** API Gateway's payload limit (10 MB). */
    private static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private final ScheduledExecutorService scheduler;

    private LocalApi(LocalDynamo dynamo, HttpServer server, ExecutorService workers, List<LocalRoute> routes,
                     Map<String, Template.GatewayResponse> gatewayResponses, ScheduledExecutorService scheduler) {
        this.dynamo = dynamo;
        this.server = server;
        this.workers = workers;
        this.routes = routes;
        this.gatewayResponses = gatewayResponses;
        this.scheduler = scheduler;
    }

    /** How to start: ports (0 picks a free one), DynamoDB Local's address, data folder (null: in memory), seed. */
    public record Options(int port, String dynamoHost, int dynamoPort, Path dataDir, Path seed, Path template) {
        /** DynamoDB Local on loopback. */
        public Options(int port, int dynamoPort, Path dataDir, Path seed, Path template) {
            this(port, LocalDynamo.LOOPBACK, dynamoPort, dataDir, seed, template);
        }
    }

    public static LocalApi start(Options options) throws Exception {
        Template template = Template.load(options.template());
        Seed seed = Seed.load(options.seed(), System.getProperty("aws.region", LocalDynamo.REGION));
        LocalDynamo dynamo = LocalDynamo.start(options.dynamoHost(), options.dynamoPort(), options.dataDir());
        try {
            dynamo.ensureTable(template);
            // What Lambda would find in its environment, as the SDK's standard system properties.
            System.setProperty(Service.TABLE_NAME_ENV, LocalDynamo.TABLE);
            System.setProperty("aws.endpointUrlDynamoDb", dynamo.endpoint());
            setIfAbsent("aws.region", LocalDynamo.REGION);
            seed.apply(Service.onDynamoDb(dynamo.client(), LocalDynamo.TABLE, Clock.systemUTC(),
                    Service.regionFromEnvironment()), Clock.systemUTC());
            setIfAbsent("aws.accessKeyId", "local");
            setIfAbsent("aws.secretAccessKey", "local");
            List<LocalRoute> routes = LocalRoute.fromTemplate(template);
            ExecutorService workers = Executors.newFixedThreadPool(16);
            // Small JSON answers go out at once instead of waiting on Nagle's algorithm and the client's delayed
            // ACK. Read once, when the JDK's HTTP server is first used, so it is set before the server is made.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 64);
            server.setExecutor(workers);
            LocalApi api = new LocalApi(dynamo, server, workers, routes, template.gatewayResponses(),
                    LocalSchedule.start(template));
            server.createContext("/", api::serve);
            server.start();
            return api;
        } catch (Exception | Error e) {
            dynamo.close();
            throw e;
        }
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String dynamoEndpoint() {
        return dynamo.endpoint();
    }

    private void serve(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        int status;
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
            }
            LocalRoute.Match match = LocalRoute.match(routes, method, path);
            if (body.length > MAX_PAYLOAD_BYTES) {
                status = respondAsGateway(exchange, "REQUEST_TOO_LARGE", 413, requestId);
            } else if (match == null) {
                status = respondAsGateway(exchange, "MISSING_AUTHENTICATION_TOKEN", 403, requestId);
            } else {
                status = invoke(exchange, match, body, requestId);
            }
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println(method + " " + path + " " + status + " " + ms + "ms " + requestId);
    }

    private int invoke(HttpExchange exchange, LocalRoute.Match match, byte[] body, String requestId)
            throws IOException {
        JsonNode response;
        try {
            // As Lambda hands it over: the proxy event as JSON in, the proxy response as JSON out.
            ByteArrayOutputStream event = new ByteArrayOutputStream();
            JsonTrees.write(toEvent(exchange, match, body, requestId), event);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            match.route().handler().handleRequest(new ByteArrayInputStream(event.toByteArray()), output, null);
            response = JsonTrees.read(output.toByteArray());
        } catch (IOException | RuntimeException | Error e) {
            // A function that fails instead of answering: API Gateway's integration failure.
            System.err.println("handler failed: " + e);
            return respondAsGateway(exchange, "INTEGRATION_FAILURE", 502, requestId);
        }
        Map<String, String> headers = new HashMap<>();
        response.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        int status = response.path("statusCode").asInt(502);
        respond(exchange, status, headers, response.hasNonNull("body") ? response.get("body").asText() : null,
                requestId);
        return status;
    }

    /** API Gateway's own answer of {@code type}, as template.yaml's GatewayResponses customize it. */
    private int respondAsGateway(HttpExchange exchange, String type, int defaultStatus, String requestId)
            throws IOException {
        Template.GatewayResponse response = gatewayResponses.get(type);
        if (response == null) {
            respond(exchange, defaultStatus, Map.of("Content-Type", "application/json"), null, requestId);
            return defaultStatus;
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        response.headers().forEach((name, expression) -> headers.put(name, expression.equals("context.requestId")
                ? requestId : expression.replaceAll("^'(.*)'$", "$1")));
        int status = response.status() == null ? defaultStatus : response.status();
        String body = response.jsonTemplate() == null ? null
                : response.jsonTemplate().replace("$context.requestId", requestId);
        respond(exchange, status, headers, body, requestId);
        return status;
    }

    /** The proxy event (payload 1.0) API Gateway would send for the request. */
    private static ObjectNode toEvent(HttpExchange exchange, LocalRoute.Match match, byte[] body, String requestId) {
        ObjectNode headers = JsonTrees.object();
        ObjectNode multiHeaders = JsonTrees.object();
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            ArrayNode all = multiHeaders.putArray(name);
            values.forEach(all::add);
        });
        ObjectNode query = JsonTrees.object();
        ObjectNode multiQuery = JsonTrees.object();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                query.put(key, value);
                (multiQuery.has(key) ? (ArrayNode) multiQuery.get(key) : multiQuery.putArray(key)).add(value);
            }
        }
        ObjectNode pathParameters = JsonTrees.object();
        match.pathParameters().forEach(pathParameters::put);
        String text = utf8OrNull(body);
        String path = exchange.getRequestURI().getPath();
        ObjectNode event = JsonTrees.object()
                .put("resource", match.route().path())
                .put("path", path)
                .put("httpMethod", exchange.getRequestMethod());
        event.set("headers", headers);
        event.set("multiValueHeaders", multiHeaders);
        event.set("queryStringParameters", query.isEmpty() ? null : query);
        event.set("multiValueQueryStringParameters", multiQuery.isEmpty() ? null : multiQuery);
        event.set("pathParameters", pathParameters);
        ObjectNode context = event.putObject("requestContext")
                .put("requestId", requestId)
                .put("resourcePath", match.route().path())
                .put("httpMethod", exchange.getRequestMethod())
                .put("path", path)
                .put("stage", "local")
                .put("protocol", exchange.getProtocol());
        context.putObject("identity").put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        event.put("body", body.length == 0 ? null : text != null ? text : Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", body.length > 0 && text == null);
        return event;
    }

    private static String utf8OrNull(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body,
                                String requestId) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (status == 204) {
            bytes = new byte[0];
        }
        if (headers != null) {
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        exchange.getResponseHeaders().putIfAbsent(ApiGateway.REQUEST_ID_HEADER, List.of(requestId));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
        dynamo.close();
    }

    public static void main(String[] args) throws Exception {
        if (Cli.helpAsked(args)) {
            System.out.println(Cli.LOCAL_API_USAGE);
            return;
        }
        Options options;
        try {
            options = Cli.localApiOptions(args);
        } catch (IllegalArgumentException e) {
            System.err.println("local-api: " + e.getMessage());
            System.err.println(Cli.LOCAL_API_USAGE);
            System.exit(2);
            return;
        }
        LocalApi api;
        try {
            api = start(options);
        } catch (Seed.InvalidSeed e) {
            System.err.println("local-api: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                api.close();
                System.out.println("stopped");
            } catch (Exception e) {
                System.err.println("local-api: error while stopping: " + e);
            }
        }));
        System.out.println("DynamoDB Local listening on " + api.dynamoEndpoint() + " (table " + LocalDynamo.TABLE + ", "
                + (options.dataDir() == null ? "in memory" : "data in " + options.dataDir()) + ")");
        System.out.println("API listening on http://127.0.0.1:" + api.port());
        Thread.currentThread().join();
    }
}

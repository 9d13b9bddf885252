package cloud.iotda.local;

import cloud.iotda.Service;
import cloud.iotda.edge.ApiGateway;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The API on one machine: DynamoDB Local in server mode, and an HTTP server that turns each request into the
 * API Gateway proxy event the deployed API would send and hands it to the handler class that template.yaml names
 * for that route, built with a service of its own as Lambda builds each function (settings from the environment, its
 * own credential cache) but on the local world's one clock ({@link LocalClock}). The server is
 * Jetty (DynamoDB Local's own), which keeps header names as they are written, as API Gateway does.
 */
public final class LocalApi implements AutoCloseable {
    private final LocalDynamo dynamo;
    private final Server server;
    private final ServerConnector connector;
    private final List<LocalRoute> routes;
    private final Map<String, Template.GatewayResponse> gatewayResponses;
    /** API Gateway's payload limit (10 MB). */
    private static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    /** How long a request's body may take to arrive; then it is answered 408 and its function never called. */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(30);
    /** The functions' calls: as many at once as Lambda would run here, none of them waiting on a client. */
    private final ExecutorService workers = Executors.newFixedThreadPool(32, runnable -> {
        Thread thread = new Thread(runnable, "local-api-call");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledExecutorService scheduler;
    private final Supplier<Service> services;
    private final LocalClock clock;

    private LocalApi(LocalDynamo dynamo, Server server, ServerConnector connector, List<LocalRoute> routes,
                     Map<String, Template.GatewayResponse> gatewayResponses, ScheduledExecutorService scheduler,
                     Supplier<Service> services, LocalClock clock) {
        this.services = services;
        this.clock = clock;
        this.dynamo = dynamo;
        this.server = server;
        this.connector = connector;
        this.routes = routes;
        this.gatewayResponses = gatewayResponses;
        this.scheduler = scheduler;
    }

    /** How to start: ports (0 picks a free one), DynamoDB Local's address, data folder (null: in memory), seed. */
    public record Options(int port, String dynamoHost, int dynamoPort, Path dataDir, Path seed, Path template,
                          String regionId) {
        /** DynamoDB Local on loopback, answering as the default region. */
        public Options(int port, int dynamoPort, Path dataDir, Path seed, Path template) {
            this(port, LocalDynamo.LOOPBACK, dynamoPort, dataDir, seed, template, Service.DEFAULT_REGION_ID);
        }

        public Options(int port, String dynamoHost, int dynamoPort, Path dataDir, Path seed, Path template) {
            this(port, dynamoHost, dynamoPort, dataDir, seed, template, Service.DEFAULT_REGION_ID);
        }
    }

    public static LocalApi start(Options options) throws Exception {
        // A busy port is the newcomer's most likely problem: said before anything starts.
        PortInUse.check(LocalDynamo.LOOPBACK, options.port(), "the API");
        PortInUse.check(options.dynamoHost(), options.dynamoPort(), "DynamoDB Local");
        // DynamoDB Local starts while the template and the seed are read (about a third of a second less to wait).
        CompletableFuture<LocalDynamo> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return LocalDynamo.start(options.dynamoHost(), options.dynamoPort(), options.dataDir());
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        Template template;
        Seed seed;
        try {
            template = Template.load(options.template());
            seed = Seed.load(options.seed(), options.regionId());
        } catch (Exception | Error e) {
            starting.thenAccept(LocalApi::closeQuietly);
            throw e;
        }
        LocalDynamo dynamo;
        try {
            dynamo = starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? PortInUse.orItself(cause, options.dynamoPort(),
                    "DynamoDB Local") : e;
        }
        try {
            dynamo.ensureTable(template);
            // What Lambda would find in its environment, as the SDK's standard system properties.
            System.setProperty(Service.TABLE_NAME_ENV, LocalDynamo.TABLE);
            System.setProperty("aws.endpointUrlDynamoDb", dynamo.endpoint());
            setIfAbsent("aws.region", LocalDynamo.REGION);
            setIfAbsent("aws.accessKeyId", "local");
            setIfAbsent("aws.secretAccessKey", "local");
            // One clock for the local world, which iotda-admin moves; each function its own service on it.
            LocalClock clock = new LocalClock(dynamo.client(), LocalDynamo.TABLE, Clock.systemUTC());
            Supplier<Service> services = () -> Service.local(dynamo.client(), LocalDynamo.TABLE, clock,
                    options.regionId());
            seed.apply(services.get(), clock);
            LocalWorld.recordSeed(dynamo.client(), options.seed(), options.regionId());
            List<LocalRoute> routes = LocalRoute.fromTemplate(template, services);
            Server server = new Server(new QueuedThreadPool(32, 4));
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // As API Gateway: header names reach the function as the client wrote them, and a path is routed by
            // its segments as sent (an encoded slash or dot segment is the handler's to refuse, not the server's).
            http.setHttpCompliance(HttpCompliance.RFC7230.with("local-api",
                    HttpCompliance.Violation.CASE_SENSITIVE_FIELD_NAME));
            // And values as the client wrote them: Jetty's cache of common header fields would otherwise hand over
            // its own spelling of a value that differs only in case (charset=UTF-8 for charset=utf-8).
            http.setHeaderCacheCaseSensitive(true);
            http.setUriCompliance(UriCompliance.UNSAFE);
            ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
            connector.setHost(LocalDynamo.LOOPBACK);
            connector.setPort(options.port());
            connector.setAcceptQueueSize(64);
            server.addConnector(connector);
            LocalApi api = new LocalApi(dynamo, server, connector, routes, template.gatewayResponses(),
                    LocalSchedule.start(template, services), services, clock);
            // Requests the HTTP server refuses itself (a malformed header, one too large) in the API's body too.
            server.setErrorHandler(api.new GatewayErrors());
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    api.serve(request, response, callback);
                    return true;
                }
            });
            try {
                server.start();
            } catch (Exception e) {
                api.close();
                throw PortInUse.orItself(e, options.port(), "the API");
            }
            return api;
        } catch (Exception | Error e) {
            closeQuietly(dynamo);
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already failing: the first failure is the one to report
        }
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String dynamoEndpoint() {
        return dynamo.endpoint();
    }

    /** A new service as each function of this local API runs on (the local world's clock). */
    Supplier<Service> services() {
        return services;
    }

    /** The parts of a request the proxy event is made of, read once from the server's request. */
    private record Exchange(String method, String rawPath, String path, String rawQuery, String protocol,
                            String sourceIp, List<HttpField> headers, byte[] body) {
    }

    /**
     * Reads the body without holding a thread (a slow client holds only its own request), within
     * {@link #BODY_DEADLINE}, then hands the request to its function on a worker of its own, as API Gateway calls a
     * Lambda function once it has the whole request.
     */
    private void serve(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String method = request.getMethod();
        String rawPath = request.getHttpURI().getPath();
        if (request.getLength() > MAX_PAYLOAD_BYTES) {
            Answer tooLarge = gatewayAnswer("REQUEST_TOO_LARGE", 413, requestId);
            if (request.getLength() > 2L * MAX_PAYLOAD_BYTES) {
                finish(response, tooLarge, requestId, callback, method, rawPath, started);
                return;
            }
            // The body is read (and dropped) before the answer: a server that answers and closes while the client
            // still sends makes the client see a reset connection, not the 413 (seen under load in CI).
            Content.Source.asByteArrayAsync(request, (int) request.getLength())
                    .orTimeout(BODY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .whenCompleteAsync((ignored, failure) -> finish(response, tooLarge, requestId, callback, method,
                            rawPath, started), workers);
            return;
        }
        Content.Source.asByteArrayAsync(request, MAX_PAYLOAD_BYTES + 1)
                .orTimeout(BODY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((body, failure) -> {
                    Answer answer;
                    if (failure == null) {
                        answer = answer(request, body, requestId, method, rawPath);
                    } else if (failure instanceof TimeoutException) {
                        answer = gatewayAnswer("DEFAULT_4XX", 408, requestId);
                    } else if (failure.getCause() instanceof IllegalArgumentException) {
                        // More than the payload limit arrived (a body without a Content-Length).
                        answer = gatewayAnswer("REQUEST_TOO_LARGE", 413, requestId);
                    } else {
                        // The client went away while sending its body: nothing reached a function.
                        callback.failed(failure);
                        return;
                    }
                    finish(response, answer, requestId, callback, method, rawPath, started);
                }, workers);
    }

    private Answer answer(Request request, byte[] body, String requestId, String method, String rawPath) {
        if (body.length > MAX_PAYLOAD_BYTES) {
            return gatewayAnswer("REQUEST_TOO_LARGE", 413, requestId);
        }
        LocalRoute.Match match;
        String path;
        try {
            match = LocalRoute.match(routes, method, rawPath);
            path = decodedPath(request);
        } catch (IllegalArgumentException malformed) {
            // Percent-encoding that does not decode: the client's mistake, answered by the gateway.
            return gatewayAnswer("DEFAULT_4XX", 400, requestId);
        }
        if (match == null) {
            return gatewayAnswer("MISSING_AUTHENTICATION_TOKEN", 403, requestId);
        }
        ObjectNode event;
        try {
            event = toEvent(new Exchange(method, rawPath, path, request.getHttpURI().getQuery(),
                    request.getConnectionMetaData().getProtocol(), Request.getRemoteAddr(request),
                    request.getHeaders().stream().toList(), body), match, requestId);
        } catch (IllegalArgumentException malformed) {
            return gatewayAnswer("DEFAULT_4XX", 400, requestId);
        }
        return invoke(event, match, requestId);
    }

    private void finish(Response response, Answer answer, String requestId, Callback callback, String method,
                        String rawPath, long started) {
        respond(response, answer, requestId, callback);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println(method + " " + rawPath + " " + answer.status() + " " + ms + "ms " + requestId);
    }

    private static String decodedPath(Request request) {
        try {
            return request.getHttpURI().getDecodedPath();
        } catch (RuntimeException ambiguous) {
            return URLDecoder.decode(request.getHttpURI().getPath(), StandardCharsets.UTF_8);
        }
    }

    /** The HTTP server's own refusals (a malformed request line or header, one too large) in the API's body. */
    final class GatewayErrors extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                                        Throwable cause, Callback callback) {
            String requestId = UUID.randomUUID().toString();
            Answer answer = gatewayAnswer(code >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX", code, requestId);
            respond(response, new Answer(code, answer.headers(), answer.body()), requestId, callback);
        }
    }

    /** What goes back to the client: status, headers in the case they were given, body. */
    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private Answer invoke(ObjectNode event, LocalRoute.Match match, String requestId) {
        JsonNode response;
        try {
            // As Lambda hands it over: the proxy event as JSON in, the proxy response as JSON out.
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            JsonTrees.write(event, input);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            match.route().handler().handleRequest(new ByteArrayInputStream(input.toByteArray()), output, null);
            response = JsonTrees.read(output.toByteArray());
        } catch (IOException | RuntimeException | Error e) {
            // A function that fails instead of answering: API Gateway's integration failure.
            System.err.println("handler failed: " + e);
            return gatewayAnswer("INTEGRATION_FAILURE", 502, requestId);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new Answer(response.path("statusCode").asInt(502), headers,
                response.hasNonNull("body") ? response.get("body").asText() : null);
    }

    /** API Gateway's own answer of {@code type}, as template.yaml's GatewayResponses customize it. */
    private Answer gatewayAnswer(String type, int defaultStatus, String requestId) {
        Template.GatewayResponse response = gatewayResponses.get(type);
        if (response == null) {
            return new Answer(defaultStatus, Map.of("Content-Type", "application/json"), null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        response.headers().forEach((name, expression) -> headers.put(name, expression.equals("context.requestId")
                ? requestId : expression.replaceAll("^'(.*)'$", "$1")));
        int status = response.status() == null ? defaultStatus : response.status();
        String body = response.jsonTemplate() == null ? null
                : response.jsonTemplate().replace("$context.requestId", requestId);
        return new Answer(status, headers, body);
    }

    /** The proxy event (payload 1.0) API Gateway would send for the request. */
    private static ObjectNode toEvent(Exchange exchange, LocalRoute.Match match, String requestId) {
        ObjectNode headers = JsonTrees.object();
        ObjectNode multiHeaders = JsonTrees.object();
        for (HttpField header : exchange.headers()) {
            // One name, however its repeats are written: the first spelling, the last value (as API Gateway).
            String name = headers.properties().stream().map(Map.Entry::getKey)
                    .filter(header.getName()::equalsIgnoreCase).findFirst().orElse(header.getName());
            headers.put(name, header.getValue());
            (multiHeaders.has(name) ? (ArrayNode) multiHeaders.get(name) : multiHeaders.putArray(name))
                    .add(header.getValue());
        }
        ObjectNode query = JsonTrees.object();
        ObjectNode multiQuery = JsonTrees.object();
        String rawQuery = exchange.rawQuery();
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
        byte[] body = exchange.body();
        String text = utf8OrNull(body);
        String path = exchange.path();
        ObjectNode event = JsonTrees.object()
                .put("resource", match.route().path())
                .put("path", path)
                .put("httpMethod", exchange.method());
        event.set("headers", headers);
        event.set("multiValueHeaders", multiHeaders);
        event.set("queryStringParameters", query.isEmpty() ? null : query);
        event.set("multiValueQueryStringParameters", multiQuery.isEmpty() ? null : multiQuery);
        event.set("pathParameters", pathParameters);
        ObjectNode context = event.putObject("requestContext")
                .put("requestId", requestId)
                .put("resourcePath", match.route().path())
                .put("httpMethod", exchange.method())
                .put("path", path)
                .put("stage", "local")
                .put("protocol", exchange.protocol());
        context.putObject("identity").put("sourceIp", exchange.sourceIp());
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

    private static void respond(Response response, Answer answer, String requestId, Callback callback) {
        byte[] bytes = answer.body() == null || answer.status() == 204 ? new byte[0]
                : answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (answer.headers().keySet().stream().noneMatch(ApiGateway.REQUEST_ID_HEADER::equalsIgnoreCase)) {
            response.getHeaders().put(ApiGateway.REQUEST_ID_HEADER, requestId);
        }
        if (answer.status() != 204) {
            response.getHeaders().put("Content-Length", Integer.toString(bytes.length));
        }
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        workers.shutdownNow();
        server.stop();
        dynamo.close();
    }

    /** Held so the setting stays: java.util.logging keeps loggers only weakly. */
    private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");

    public static void main(String[] args) throws Exception {
        // Jetty's start and stop notices are not the user's business; its warnings are.
        JETTY_LOG.setLevel(Level.WARNING);
        if (Cli.helpAsked(args)) {
            System.out.println(Cli.LOCAL_API_USAGE);
            return;
        }
        List<String> words = new ArrayList<>(List.of(args));
        boolean check = words.remove("--check");
        Options options;
        try {
            options = Cli.localApiOptions(words.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("local-api: " + e.getMessage());
            System.err.println(Cli.LOCAL_API_USAGE);
            System.exit(2);
            return;
        }
        LocalApi api;
        try {
            api = start(options);
        } catch (Seed.InvalidSeed | PortInUse e) {
            System.err.println("local-api: " + e.getMessage());
            System.exit(2);
            return;
        }
        // A JVM told to write a class-data archive (bin/lib.sh, when a build's own could not be made) does so after
        // the last line here, for a few seconds: said, so that "stopped" is not taken for the end.
        boolean archiving = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-XX:ArchiveClassesAtExit"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                api.close();
                System.out.println(archiving ? "stopped; writing the class-data archive for faster starts (once)"
                        : "stopped");
            } catch (Exception e) {
                System.err.println("local-api: error while stopping: " + e);
            }
        }));
        System.out.println("DynamoDB Local listening on " + api.dynamoEndpoint() + " (table " + LocalDynamo.TABLE + ", "
                + (options.dataDir() == null ? "in memory" : "data in " + options.dataDir()) + ")");
        System.out.println("API listening on http://127.0.0.1:" + api.port() + "; clock " + api.clock.describe());
        if (check) {
            System.exit(0);
        }
        Thread.currentThread().join();
    }
}

package cloud.iotda.tests.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Lambda Runtime API (2018-06-01) on loopback, for one function process: {@code invocation/next} hands out
 * queued events with the {@code Lambda-Runtime-*} headers; {@code response}, {@code error} and {@code init/error}
 * complete them. A test utility: it is in no deployment package.
 */
public final class RuntimeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    private final String functionArn;

    /** What the function answered: a response body, or an error body with its type header. */
    private record Outcome(boolean error, String body, String errorType) {
    }

    private record Invocation(String requestId, String event, CompletableFuture<Outcome> outcome) {
    }

    /**
     * The function could not answer: it failed its init, or reported an error instead of a response (the runtime
     * client reports a handler it cannot load that way). The message carries the function's own error body.
     */
    public static final class FunctionFailure extends AssertionError {
        FunctionFailure(String what, String functionError) {
            super(what + ": " + functionError);
        }
    }

    public RuntimeApiServer(String functionName) throws IOException {
        this.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "runtime-api-" + functionName);
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(PREFIX, this::route);
        server.start();
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Queues one event and returns the function's response; any failure of the function fails the call with its
     * message.
     */
    public String invoke(String eventJson, Duration timeout) throws Exception {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), eventJson, new CompletableFuture<>());
        pending.add(invocation);
        CompletableFuture<Object> first = CompletableFuture.anyOf(invocation.outcome(), initError);
        try {
            first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + timeout + " from " + functionArn);
        }
        if (initError.isDone()) {
            throw new FunctionFailure("function init failed", initError.get());
        }
        Outcome outcome = invocation.outcome().get();
        if (outcome.error()) {
            throw new FunctionFailure("function failed (" + outcome.errorType() + ")", outcome.body());
        }
        return outcome.body();
    }

    /** Completes, with System.nanoTime(), when the function first asks for an event: its init is done. */
    public CompletableFuture<Long> firstPoll() {
        return firstPoll;
    }

    /** Completes when the function reports an init failure. */
    public CompletableFuture<String> initError() {
        return initError;
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.equals("init/error")) {
                initError.complete(body);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Invocation invocation = inFlight.remove(requestId);
                if (invocation == null) {
                    reply(exchange, 400, "{\"errorMessage\":\"unknown request id\"}");
                    return;
                }
                boolean error = path.endsWith("/error");
                invocation.outcome().complete(new Outcome(error, body,
                        exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"no such Runtime API path\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void next(HttpExchange exchange) throws IOException, InterruptedException {
        firstPoll.complete(System.nanoTime());
        Invocation invocation = pending.take();
        inFlight.put(invocation.requestId(), invocation);
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + Duration.ofSeconds(15).toMillis()));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply(exchange, 200, invocation.event());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package cloud.iotda.testing;

import cloud.iotda.adapter.dynamodb.DynamoDbClients;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Injects DynamoDB's failures into real calls to DynamoDB Local, through the SDK's interceptor hooks: the call
 * chosen (the n-th DynamoDB call since {@link #arm}) is sent to a small HTTP server in this JVM instead, which, for
 * as many attempts as asked, answers as DynamoDB does when it fails (or stalls, or drops the connection), and after
 * that forwards each attempt to DynamoDB Local and returns its real answer. The SDK's own retries, timeouts and
 * error parsing all run unchanged; only the wire is faulty.
 */
public final class FaultInjector implements ExecutionInterceptor, AutoCloseable {
    /** Longer than an attempt may take, so the client's attempt timeout ends it. */
    private static final long STALL_MILLIS = DynamoDbClients.ATTEMPT_TIMEOUT.toMillis() + 1_000;
    private static final ExecutionAttribute<Boolean> TARGETED = new ExecutionAttribute<>("iotda.fault.targeted");

    /** Fault {@code fault} on call number {@code call} (from 0), for its first {@code attempts} attempts. */
    public record Plan(int call, DynamoDbFault fault, int attempts) {
    }

    private final String dynamoDbEndpoint;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-injector");
        thread.setDaemon(true);
        return thread;
    });
    private final int closedPort;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger faultsAnswered = new AtomicInteger();
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    private volatile Plan plan;

    public FaultInjector(String dynamoDbEndpoint) throws IOException {
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(workers);
        server.createContext("/", this::answer);
        server.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            this.closedPort = socket.getLocalPort();
        }
    }

    /** Counts calls from zero again and injects {@code plan} (null: none, just count). */
    public void arm(Plan plan) {
        calls.set(0);
        faultsAnswered.set(0);
        operations.clear();
        this.plan = plan;
    }

    public void disarm() {
        this.plan = null;
    }

    /** The operations of the calls since {@link #arm}, in order ({@code GetItem}, {@code TransactWriteItems}...). */
    public List<String> operations() {
        synchronized (operations) {
            return List.copyOf(operations);
        }
    }

    /** How many attempts got the fault instead of DynamoDB's answer. */
    public int faultsAnswered() {
        return faultsAnswered.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        int call = calls.getAndIncrement();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        operations.add(operation);
        Plan current = plan;
        attributes.putAttribute(TARGETED, current != null && current.call() == call
                && current.fault().scope.covers(operation));
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        if (!Boolean.TRUE.equals(attributes.getAttribute(TARGETED))) {
            return context.httpRequest();
        }
        int port = plan.fault() == DynamoDbFault.REFUSED ? closedPort : server.getAddress().getPort();
        return context.httpRequest().toBuilder().protocol("http").host("127.0.0.1").port(port).build();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            Plan current = plan;
            boolean fault = current != null && faultsAnswered.get() < current.attempts();
            if (!fault) {
                forward(exchange, request, null);
                return;
            }
            faultsAnswered.incrementAndGet();
            switch (current.fault()) {
                case STALL -> pause(STALL_MILLIS);
                case DROPPED -> {
                    // Closing the exchange without an answer: the client reads the end of the stream.
                }
                case ANSWER_LOST -> forward(exchange, request, current.fault());
                default -> send(exchange, current.fault().status, current.fault().body());
            }
        }
    }

    /** Sends the request on to DynamoDB Local; answers with its answer, or with {@code replacement} instead. */
    private void forward(HttpExchange exchange, byte[] request, DynamoDbFault replacement) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(dynamoDbEndpoint + exchange.getRequestURI())
                .toURL().openConnection();
        connection.setRequestMethod(exchange.getRequestMethod());
        connection.setDoOutput(true);
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey();
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                connection.setRequestProperty(name, String.join(",", header.getValue()));
            }
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(request);
        }
        int status = connection.getResponseCode();
        byte[] body;
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        if (replacement != null) {
            send(exchange, replacement.status, replacement.body());
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "injected-fault");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}

package cloud.iotda.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * A DynamoDB outage at a fixed rate, for every DynamoDB client of this JVM while armed: the SDK loads this
 * interceptor for each client it builds (the service file under software/amazon/awssdk/services/dynamodb in the
 * test resources). Every n-th call is sent, all its attempts, to a server that answers as DynamoDB does when it is
 * unavailable (503), so that call fails after the client's retries, exactly once per faulted call.
 */
public final class RateFaults implements ExecutionInterceptor {
    private static final ExecutionAttribute<Boolean> FAULTED = new ExecutionAttribute<>("iotda.rate.faulted");
    private static final String UNAVAILABLE =
            "{\"__type\":\"com.amazon.coral.availability#ServiceUnavailableException\",\"message\":\"injected\"}";
    private static final HttpServer SERVER = start();
    private static final AtomicLong CALLS = new AtomicLong();
    private static final AtomicLong FAULTED_CALLS = new AtomicLong();
    private static volatile int everyNth;

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    byte[] body = UNAVAILABLE.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                    exchange.sendResponseHeaders(503, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "rate-faults");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails every {@code n}-th DynamoDB call from now on (0: none), counting from zero. */
    static void arm(int n) {
        CALLS.set(0);
        FAULTED_CALLS.set(0);
        everyNth = n;
    }

    static void disarm() {
        everyNth = 0;
    }

    static long faultedCalls() {
        return FAULTED_CALLS.get();
    }

    static long calls() {
        return CALLS.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        int n = everyNth;
        boolean faulted = false;
        // The local world's clock is the local tools' own item, not the service's traffic: never counted or faulted
        // (LocalClock keeps its last offset when a read fails, and no request fails with it).
        boolean clockRead = context.request() instanceof GetItemRequest read && LocalClock.KEY.equals(read.key());
        if (n > 0 && !clockRead) {
            faulted = CALLS.incrementAndGet() % n == 0;
            if (faulted) {
                FAULTED_CALLS.incrementAndGet();
            }
        }
        attributes.putAttribute(FAULTED, faulted);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        if (!Boolean.TRUE.equals(attributes.getAttribute(FAULTED))) {
            return context.httpRequest();
        }
        return context.httpRequest().toBuilder().protocol("http").host("127.0.0.1")
                .port(SERVER.getAddress().getPort()).build();
    }
}

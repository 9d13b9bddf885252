package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.Service;
import cloud.iotda.functions.ApiHandler;
import cloud.iotda.template.Template;
import cloud.iotda.testing.FaultInjector;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.testing.TestWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SnapStart priming (ApiHandler.prime, run by the beforeCheckpoint hook): every function's whole request path runs,
 * reading only a key that cannot exist, writing nothing, and leaving no DynamoDB connection open to go stale in the
 * snapshot.
 */
class PrimingTest {
    private static DynamoDbClient client(String endpoint, FaultInjector counter) {
        return LocalDynamoDb.serviceClient(endpoint, List.of(counter));
    }

    private static ApiHandler handler(Template.Function function, Service service) throws Exception {
        return (ApiHandler) Handlers.handlerClass(function).getConstructor(Service.class).newInstance(service);
    }

    @Test
    void everyFunctionPrimesByReadingOnlyAndWritesNothing() throws Exception {
        try (FaultInjector counter = new FaultInjector(LocalDynamoDb.get().endpoint());
             DynamoDbClient client = client(LocalDynamoDb.get().endpoint(), counter)) {
            for (Template.Function function : Template.load(RepoFiles.template()).functions().values()) {
                if (function.events().isEmpty()) {
                    continue;
                }
                TestWorld world = new TestWorld(client);
                ApiHandler handler = handler(function, world.service);
                List<?> before = world.allItems();
                counter.arm(null);
                handler.prime();
                assertEquals(Set.of("GetItem"), Set.copyOf(counter.operations()), function.logicalId());
                assertEquals(before, world.allItems(), function.logicalId() + " wrote nothing");
            }
        }
    }

    @Test
    void primingLeavesNoConnectionOpen() throws Exception {
        try (CountingProxy proxy = new CountingProxy(LocalDynamoDb.get().port());
             FaultInjector counter = new FaultInjector(LocalDynamoDb.get().endpoint());
             DynamoDbClient client = client("http://127.0.0.1:" + proxy.port(), counter)) {
            TestWorld world = new TestWorld(client);
            ApiHandler handler = handler(Template.load(RepoFiles.template()).functions().get("ResizeFunction"),
                    world.service);
            counter.arm(null);

            handler.prime();

            assertTrue(!counter.operations().isEmpty() && proxy.accepted() > 0, "priming went through the proxy");
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (proxy.open() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, proxy.open(), "no connection is kept after priming");
            // And the service still answers afterwards, on a new connection.
            assertEquals(200, world.showInstance(TestWorld.STANDARD).status());
        }
    }

    /** A TCP proxy that counts the connections it holds open. */
    private static final class CountingProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0);
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger open = new AtomicInteger();

        CountingProxy(int targetPort) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket downstream = server.accept();
                        Socket upstream = new Socket("127.0.0.1", targetPort);
                        accepted.incrementAndGet();
                        open.incrementAndGet();
                        AtomicInteger halves = new AtomicInteger(2);
                        pump(downstream, upstream, halves);
                        pump(upstream, downstream, halves);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "counting-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void pump(Socket from, Socket to, AtomicInteger halves) {
            Thread thread = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // one side closed
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException e) {
                        // already closed
                    }
                    if (halves.decrementAndGet() == 0) {
                        open.decrementAndGet();
                    }
                }
            }, "counting-proxy-pump");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        int open() {
            return open.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}

package cloud.iotda.adapter.dynamodb.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client built on a thread of its own while the caller goes on. Building the service's HTTP client loads the
 * JDK's TLS providers and trust store, which the DynamoDB client's own building does not need, so the two can
 * overlap at init (bench/levers.md). The DynamoDB client holds this one in the built client's place: the SDK asks
 * only for its name while it builds, and every request waits for the built client.
 */
public final class HttpClientInBackground implements SdkHttpClient {
    private final CompletableFuture<SdkHttpClient> built = new CompletableFuture<>();
    private final String name;

    private HttpClientInBackground(String name) {
        this.name = name;
    }

    /**
     * Starts {@code build} on a daemon thread.
     *
     * @param name what the built client's {@link SdkHttpClient#clientName()} answers (the SDK puts it in the user
     *             agent while the client is still being built)
     */
    public static HttpClientInBackground start(Supplier<SdkHttpClient> build, String name) {
        HttpClientInBackground client = new HttpClientInBackground(name);
        InBackground.run("http-client-build", () -> {
            try {
                client.built.complete(build.get());
            } catch (RuntimeException | Error e) {
                client.built.completeExceptionally(e);
            }
        });
        return client;
    }

    /** The built client, once built; what building it threw, as it was thrown. */
    public SdkHttpClient await() {
        try {
            return built.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return await().prepareRequest(request);
    }

    @Override
    public String clientName() {
        return name;
    }

    @Override
    public void close() {
        await().close();
    }
}

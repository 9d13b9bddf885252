package cloud.iotda.adapter.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * How every DynamoDB client of the service is configured: bounded retries and timeouts well inside the function's
 * 15 s, so a stalled or failing DynamoDB becomes a 503 within seconds, never a Lambda timeout.
 */
public final class DynamoDbClients {
    /** One attempt (connect, send, answer). DynamoDB answers in milliseconds; 2 s is a stall. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    /** One call with its retries: a request makes a few calls, so even a stalled one leaves the function time. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /** The SDK's standard retry mode: 3 attempts, exponential backoff with jitter, throttling paced apart. */
    public static final RetryMode RETRY_MODE = RetryMode.STANDARD;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    /** True while {@link #withoutKeptConnections} runs. */
    private static volatile boolean closingConnections;

    private DynamoDbClients() {
    }

    /**
     * Runs {@code calls} with every DynamoDB request asking the server to close its connection after the answer
     * ({@code Connection: close}), so that no pooled connection outlives them: priming before a SnapStart snapshot
     * must not leave a connection that would be stale after the restore.
     */
    public static synchronized void withoutKeptConnections(Runnable calls) {
        closingConnections = true;
        try {
            calls.run();
        } finally {
            closingConnections = false;
        }
    }

    /** A client with the service's settings; region, credentials and endpoint from the SDK's standard settings. */
    public static DynamoDbClient build() {
        return build(List.of(), builder -> {
        });
    }

    /**
     * A client with the service's settings; region, credentials and endpoint still come from the SDK's standard
     * settings unless {@code settings} sets them. {@code interceptors} are for tests that inject DynamoDB's failures.
     */
    public static DynamoDbClient build(List<ExecutionInterceptor> interceptors,
                                       Consumer<DynamoDbClientBuilder> settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(ATTEMPT_TIMEOUT)
                        .build())
                .overrideConfiguration(override -> {
                    override.retryStrategy(RETRY_MODE)
                            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                            .apiCallTimeout(CALL_TIMEOUT)
                            .addExecutionInterceptor(new ClosingConnections());
                    interceptors.forEach(override::addExecutionInterceptor);
                });
        settings.accept(builder);
        return builder.build();
    }

    private static final class ClosingConnections implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return closingConnections
                    ? context.httpRequest().toBuilder().putHeader("Connection", "close").build()
                    : context.httpRequest();
        }
    }
}

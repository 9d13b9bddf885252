package cloud.iotda.adapter.dynamodb;

import cloud.iotda.adapter.dynamodb.internal.HttpClientInBackground;
import cloud.iotda.adapter.dynamodb.internal.InBackground;
import cloud.iotda.adapter.dynamodb.internal.OfflineHttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
    /** What {@link UrlConnectionHttpClient#clientName()} answers; DynamoDbClientsTest keeps the two equal. */
    static final String HTTP_CLIENT_NAME = "UrlConnection";

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
     * The HTTP client (its TLS context: the JDK's trust store) and the SDK's service metadata are built on threads
     * of their own while the DynamoDB client is ({@link HttpClientInBackground}); the HTTP client is built when this
     * returns, so that a failure to build it fails here, at init, not in a request.
     */
    public static DynamoDbClient build(List<ExecutionInterceptor> interceptors,
                                       Consumer<DynamoDbClientBuilder> settings) {
        // The SDK's metadata of every service (about 310 classes), from which the builder below reads DynamoDB's
        // signing region: built meanwhile too. Should it fail, the builder's own lookup fails the same way, here.
        InBackground.run("service-metadata", () -> ServiceMetadata.of(DynamoDbClient.SERVICE_METADATA_ID));
        HttpClientInBackground http = HttpClientInBackground.start(() -> UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(ATTEMPT_TIMEOUT)
                .build(), HTTP_CLIENT_NAME);
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(http)
                .overrideConfiguration(override -> {
                    override.retryStrategy(RETRY_MODE)
                            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                            .apiCallTimeout(CALL_TIMEOUT)
                            .addExecutionInterceptor(new ClosingConnections());
                    interceptors.forEach(override::addExecutionInterceptor);
                });
        settings.accept(builder);
        DynamoDbClient client = builder.build();
        http.await();
        return client;
    }

    /**
     * A client with the service's settings whose requests never leave the process: each is answered at once as a
     * read of a missing item ({@link OfflineHttpClient}), signed with fixed credentials, not the function's, so
     * building and using it resolves no credentials and opens no connection. Before returning it reads one item of
     * {@code tableName}: the SDK's request path (marshalling, endpoint rules, signing, retries, unmarshalling) is
     * loaded then, which is what a function's first request would otherwise load (bench/levers.md).
     */
    public static DynamoDbClient offline(String tableName, Region region) {
        DynamoDbClient client = DynamoDbClient.builder()
                .region(region)
                .httpClient(new OfflineHttpClient())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("offline", "offline")))
                .overrideConfiguration(override -> override.retryStrategy(RETRY_MODE)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .addExecutionInterceptor(new ClosingConnections()))
                .build();
        client.getItem(request -> request.tableName(tableName).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("offline"), "sk", AttributeValue.fromS("offline"))));
        return client;
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

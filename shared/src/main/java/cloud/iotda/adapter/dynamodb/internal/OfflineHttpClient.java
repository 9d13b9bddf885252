package cloud.iotda.adapter.dynamodb.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client that sends nothing: every request is answered at once with DynamoDB's answer to a read of an item
 * that does not exist ({@code 200}, {@code {}}). A warm-up client runs the SDK's request path on it.
 */
public final class OfflineHttpClient implements SdkHttpClient {
    private static final byte[] NO_ITEM = "{}".getBytes(StandardCharsets.UTF_8);

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(NO_ITEM.length)).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(NO_ITEM)))
                        .build();
            }

            @Override
            public void abort() {
                // nothing is in flight
            }
        };
    }

    @Override
    public String clientName() {
        return "Offline";
    }

    @Override
    public void close() {
        // holds nothing
    }
}

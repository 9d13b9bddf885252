package cloud.iotda.adapter.dynamodb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.testing.LocalDynamoDb;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

class HttpClientInBackgroundTest {
    @Test
    void sendsRequestsThroughTheClientBuiltInTheBackground() throws Exception {
        HttpClientInBackground client = HttpClientInBackground.start(UrlConnectionHttpClient::create, "UrlConnection");
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create(LocalDynamoDb.get().endpoint() + "/")).build();

        HttpExecuteResponse response = client.prepareRequest(HttpExecuteRequest.builder().request(request).build())
                .call();

        // DynamoDB Local answers an unsigned GET with an error status: what matters is that it answered.
        assertTrue(response.httpResponse().statusCode() >= 400, "status " + response.httpResponse().statusCode());
        client.close();
    }

    @Test
    void answersItsNameBeforeTheClientIsBuilt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpClientInBackground client = HttpClientInBackground.start(() -> {
            awaitQuietly(release);
            return UrlConnectionHttpClient.create();
        }, "UrlConnection");

        assertEquals("UrlConnection", client.clientName());
        release.countDown();
        assertEquals("UrlConnection", client.await().clientName());
    }

    @Test
    void awaitWaitsForTheBuildAndAnswersTheSameClientEveryTime() {
        CountDownLatch release = new CountDownLatch(1);
        SdkHttpClient built = UrlConnectionHttpClient.create();
        HttpClientInBackground client = HttpClientInBackground.start(() -> {
            awaitQuietly(release);
            return built;
        }, "UrlConnection");
        new Thread(release::countDown).start();

        assertSame(built, client.await());
        assertSame(built, client.await());
    }

    @Test
    void awaitThrowsWhatBuildingThrew() {
        IllegalStateException failure = new IllegalStateException("no trust store");
        HttpClientInBackground client = HttpClientInBackground.start(() -> {
            throw failure;
        }, "UrlConnection");

        assertSame(failure, assertThrows(IllegalStateException.class, client::await));
        assertSame(failure, assertThrows(IllegalStateException.class, () -> client.prepareRequest(
                HttpExecuteRequest.builder().request(SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                        .uri(URI.create("http://127.0.0.1:1/")).build()).build())));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

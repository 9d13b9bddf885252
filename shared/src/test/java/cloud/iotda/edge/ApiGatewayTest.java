package cloud.iotda.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.Service;
import cloud.iotda.domain.Reason;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.PojoEvents;
import cloud.iotda.testing.TestWorld;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proxy event in, the proxy response out: headers, bodies, request ids, and failures nobody planned. */
class ApiGatewayTest {
    private static final String RESIZE_BODY = "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}";

    private static APIGatewayProxyRequestEvent resizeEvent(String body) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPathParameters(Map.of("project_id", TestWorld.PROJECT, "instance_id", TestWorld.STANDARD))
                .withHeaders(Map.of("x-auth-token", TestWorld.TOKEN))
                .withBody(body)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("req-1"));
    }

    @Test
    void aMissingTableIsA503WithRetryAfterAndNoInternals() {
        // A table that does not exist makes every DynamoDB call fail: the request cannot be served now.
        Service broken = Service.onDynamoDb(LocalDynamoDb.get().client(), "no-such-table", Clock.systemUTC(),
                TestWorld.REGION);

        APIGatewayProxyResponseEvent response = PojoEvents.handle(broken.gateway(Operation.RESIZE),
                resizeEvent("{}"));

        assertEquals(503, response.getStatusCode());
        assertEquals("{\"error_code\":\"IOTDA.060503\",\"error_msg\":\"The service is temporarily unavailable; "
                + "nothing was changed in part. Retry after 1 seconds.\"}", response.getBody());
        assertEquals("1", response.getHeaders().get("Retry-After"));
        assertEquals("req-1", response.getHeaders().get("X-Request-Id"));
        assertFalse(response.getBody().contains("ResourceNotFound"));
    }

    @Test
    void anUnexpectedExceptionIsAGeneric500WithoutInternals() {
        APIGatewayProxyResponseEvent response = PojoEvents.handle(new ApiGateway(request -> {
            throw new IllegalStateException("cloud.iotda internals");
        }), resizeEvent("{}"));

        assertEquals(500, response.getStatusCode());
        assertEquals("{\"error_code\":\"IOTDA.060500\",\"error_msg\":\"Internal server error; quote the X-Request-Id "
                + "when reporting it.\"}", response.getBody());
        assertEquals("req-1", response.getHeaders().get("X-Request-Id"));
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
    }

    @Test
    void anErrorIsAnsweredWithTheDocumentedBodyToo() {
        APIGatewayProxyResponseEvent response = PojoEvents.handle(new ApiGateway(request -> {
            throw new StackOverflowError();
        }), resizeEvent("{}"));

        assertEquals(500, response.getStatusCode());
        assertTrue(response.getBody().contains("\"error_code\":\"IOTDA.060500\""), response.getBody());
        assertEquals("req-1", response.getHeaders().get("X-Request-Id"));
    }

    @Test
    void headersAreCaseInsensitiveAndBase64BodiesAreDecoded() {
        TestWorld world = TestWorld.inMemory();
        APIGatewayProxyRequestEvent event = resizeEvent(
                Base64.getEncoder().encodeToString(RESIZE_BODY.getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(true);

        APIGatewayProxyResponseEvent response = PojoEvents.handle(world.service.gateway(Operation.RESIZE), event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(4, world.instance(TestWorld.STANDARD).flavor().size());
    }

    @Test
    void invalidBase64IsA400AndWritesNothing() {
        TestWorld world = TestWorld.inMemory();
        Object before = world.state();
        APIGatewayProxyResponseEvent response = PojoEvents.handle(world.service.gateway(Operation.RESIZE),
                resizeEvent("%%%").withIsBase64Encoded(true));
        assertEquals(400, response.getStatusCode());
        assertEquals("{\"error_code\":\"IOTDA.000008\",\"error_msg\":\"Invalid input. Bad request, for more detail, "
                + "refer to the error message: request body is not valid base64.\"}", response.getBody());
        assertEquals(before, world.state());
    }

    @Test
    void missingRequestIdIsGenerated() {
        TestWorld world = TestWorld.inMemory();
        APIGatewayProxyResponseEvent response = PojoEvents.handle(world.service.gateway(Operation.RESIZE),
                resizeEvent("{}").withRequestContext(null));
        assertEquals(36, response.getHeaders().get("X-Request-Id").length());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
    }

    @Test
    void everyReasonHasAnEntryInTheErrorTable() {
        for (Reason reason : Reason.values()) {
            ApiError error = ApiError.of(reason);
            assertTrue(error.status() >= 400 && error.status() < 500, reason + " is the caller's to fix");
            assertTrue(error.code().matches("IOTDA\\.\\d{6}"), error.code());
        }
    }
}

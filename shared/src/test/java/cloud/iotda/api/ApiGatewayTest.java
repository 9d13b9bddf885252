package cloud.iotda.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cloud.iotda.InstanceApi;
import cloud.iotda.dynamodb.DynamoDbStore;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.TestWorld;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayTest {

    private static APIGatewayProxyRequestEvent resizeEvent(String body) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPathParameters(Map.of("project_id", TestWorld.PROJECT, "instance_id", TestWorld.STANDARD))
                .withHeaders(Map.of("x-auth-token", TestWorld.TOKEN))
                .withBody(body)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("req-1"));
    }

    @Test
    void unexpectedFailureIsAGeneric500WithoutInternals() {
        // A table that does not exist makes every DynamoDB call fail inside the SDK.
        InstanceApi broken = new InstanceApi(new DynamoDbStore(LocalDynamoDb.get().client(), "no-such-table"), Clock.systemUTC());

        APIGatewayProxyResponseEvent response = broken.gateway(Operation.RESIZE).handle(resizeEvent("{}"));

        assertEquals(500, response.getStatusCode());
        assertEquals("{\"error_code\":\"IOTDA.000500\",\"error_msg\":\"Internal server error; quote the X-Request-Id when reporting it.\"}",
                response.getBody());
        assertEquals("req-1", response.getHeaders().get("X-Request-Id"));
        assertFalse(response.getBody().contains("ResourceNotFound"));
    }

    @Test
    void headersAreCaseInsensitiveAndBase64BodiesAreDecoded() {
        TestWorld world = new TestWorld();
        String body = "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}";
        APIGatewayProxyRequestEvent event = resizeEvent(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(true);

        APIGatewayProxyResponseEvent response = world.api.gateway(Operation.RESIZE).handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
    }

    @Test
    void invalidBase64IsA400() {
        TestWorld world = new TestWorld();
        APIGatewayProxyResponseEvent response = world.api.gateway(Operation.RESIZE)
                .handle(resizeEvent("%%%").withIsBase64Encoded(true));
        assertEquals(400, response.getStatusCode());
    }

    @Test
    void missingRequestIdIsGenerated() {
        TestWorld world = new TestWorld();
        APIGatewayProxyResponseEvent response = world.api.gateway(Operation.RESIZE)
                .handle(resizeEvent("{}").withRequestContext(null));
        assertEquals(36, response.getHeaders().get("X-Request-Id").length());
    }
}

package cloud.iotda.testing;

import cloud.iotda.edge.ApiGateway;
import cloud.iotda.edge.ApiResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;

/**
 * API Gateway's event classes, in tests only: an event built as aws-lambda-java-events' POJO goes to the gateway as
 * the JSON Lambda would hand the function (the POJO's own property names), and the answer comes back as the
 * response POJO.
 */
public final class PojoEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PojoEvents() {
    }

    public static APIGatewayProxyResponseEvent handle(ApiGateway gateway, APIGatewayProxyRequestEvent event) {
        ApiResponse response = gateway.handle(event == null ? null : JSON.valueToTree(event));
        return new APIGatewayProxyResponseEvent().withStatusCode(response.status())
                .withHeaders(new HashMap<>(response.headers())).withBody(response.body()).withIsBase64Encoded(false);
    }
}

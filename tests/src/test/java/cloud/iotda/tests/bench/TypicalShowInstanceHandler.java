package cloud.iotda.tests.bench;

import cloud.iotda.Service;
import cloud.iotda.adapter.dynamodb.DynamoDbStore;
import cloud.iotda.edge.ApiGateway;
import cloud.iotda.edge.ApiResponse;
import cloud.iotda.edge.Operation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The benchmark's "typical build" of ShowInstance: the same core, reached the way a first version usually does it:
 * the runtime deserializes the event into its POJO and serializes the response (an ObjectMapper between the POJO and
 * the edge), the DynamoDB client is built with the SDK's defaults, and nothing is primed.
 */
public final class TypicalShowInstanceHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiGateway gateway;

    public TypicalShowInstanceHandler() {
        DynamoDbStore store = new DynamoDbStore(DynamoDbClient.create(), System.getenv("TABLE_NAME"));
        gateway = new Service(store, store, store, store, store, store, Clock.systemUTC(), System.getenv("AWS_REGION"))
                .gateway(Operation.SHOW_INSTANCE);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        ApiResponse response = gateway.handle(JSON.valueToTree(event));
        return new APIGatewayProxyResponseEvent().withStatusCode(response.status())
                .withHeaders(new HashMap<>(response.headers())).withBody(response.body());
    }
}

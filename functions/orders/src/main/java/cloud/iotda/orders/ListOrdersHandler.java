package cloud.iotda.orders;

import cloud.iotda.InstanceApi;
import cloud.iotda.api.ApiGateway;
import cloud.iotda.api.Operation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/** Lambda entry point for the routes of {@link #OPERATION}; Lambda builds it once per execution environment. */
public final class ListOrdersHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    public static final Operation OPERATION = Operation.LIST_ORDERS;

    private final ApiGateway gateway;

    public ListOrdersHandler() {
        this(InstanceApi.fromEnvironment());
    }

    public ListOrdersHandler(InstanceApi api) {
        this.gateway = api.gateway(OPERATION);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return gateway.handle(event);
    }
}

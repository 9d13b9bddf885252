package cloud.iotda.updateinstance;

import cloud.iotda.InstanceApi;
import cloud.iotda.api.ApiGateway;
import cloud.iotda.api.Operation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/** Lambda entry point for the routes of {@link #OPERATION}; Lambda builds it once per execution environment. */
public final class UpdateInstanceHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    public static final Operation OPERATION = Operation.UPDATE_INSTANCE;

    private final ApiGateway gateway;

    public UpdateInstanceHandler() {
        this(InstanceApi.fromEnvironment());
    }

    public UpdateInstanceHandler(InstanceApi api) {
        this.gateway = api.gateway(OPERATION);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return gateway.handle(event);
    }
}

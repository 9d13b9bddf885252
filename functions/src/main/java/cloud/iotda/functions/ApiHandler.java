package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.ApiGateway;
import cloud.iotda.edge.Operation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * What every API function is: one operation's gateway, built once per execution environment (Lambda calls the
 * no-argument constructor of the subclass that template.yaml names).
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final Operation operation;
    private final ApiGateway gateway;

    protected ApiHandler(Operation operation, Service service) {
        this.operation = operation;
        this.gateway = service.gateway(operation);
    }

    /** The operation whose routes this function answers; template.yaml must route exactly those. */
    public final Operation operation() {
        return operation;
    }

    @Override
    public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return gateway.handle(event);
    }
}

package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.ApiGateway;
import cloud.iotda.edge.Operation;
import cloud.iotda.edge.ProxyEvents;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What every API function is: one operation's gateway, built once per execution environment (Lambda calls the
 * no-argument constructor of the subclass that template.yaml names). It reads API Gateway's proxy event and writes
 * the proxy response itself (ProxyEvents), as aws-lambda-java-events types, instead of through the runtime's
 * reflective serialization, which costs a cold start most of a second's fifth.
 */
public abstract class ApiHandler implements RequestStreamHandler {
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
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ProxyEvents.write(gateway.handle(ProxyEvents.read(input)), output);
    }
}

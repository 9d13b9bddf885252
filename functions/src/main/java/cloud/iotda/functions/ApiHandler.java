package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.ApiGateway;
import cloud.iotda.edge.Operation;
import cloud.iotda.edge.ProxyEvents;
import cloud.iotda.edge.Route;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What every API function is: one operation's gateway, built once per execution environment (Lambda calls the
 * no-argument constructor of the subclass that template.yaml names). It reads API Gateway's proxy event and writes
 * the proxy response itself (ProxyEvents), as aws-lambda-java-events types, instead of through the runtime's
 * reflective serialization. Before a SnapStart snapshot it primes its own request path ({@link #prime}).
 */
public abstract class ApiHandler implements RequestStreamHandler {
    private final Operation operation;
    private final Service service;
    private final ApiGateway gateway;
    /** Held here: the CRaC context keeps only weak references to its resources. */
    private final SnapshotPriming priming;

    protected ApiHandler(Operation operation, Service service) {
        this.operation = operation;
        this.service = service;
        this.gateway = service.gateway(operation);
        this.priming = SnapshotPriming.register(this::prime);
    }

    /** The operation whose routes this function answers; template.yaml must route exactly those. */
    public final Operation operation() {
        return operation;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ProxyEvents.write(gateway.handle(ProxyEvents.read(input)), output);
    }

    /**
     * Has the service prime with this function's whole request path, as API Gateway would call it (the event as JSON
     * in, the response as JSON out), with a token that cannot exist: it is refused after one DynamoDB read of a key
     * that cannot exist, so nothing is written.
     */
    public final void prime() {
        Route route = operation.routes().get(0);
        String event = "{\"resource\":\"" + route.path() + "\",\"path\":\"/priming\",\"httpMethod\":\""
                + route.method() + "\",\"headers\":{\"X-Auth-Token\":\"priming-" + UUID.randomUUID()
                + "\",\"Content-Type\":\"application/json\"},\"pathParameters\":{\"project_id\":\""
                + Service.PRIMING_PROJECT_ID + "\",\"instance_id\":\"" + Service.PRIMING_INSTANCE_ID
                + "\",\"order_id\":\"" + Service.PRIMING_ORDER_ID + "\"},"
                + "\"queryStringParameters\":{\"limit\":\"1\"},\"requestContext\":{\"requestId\":\"priming\"},"
                + "\"body\":\"{}\",\"isBase64Encoded\":false}";
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        service.prime(() -> {
            try {
                handleRequest(new ByteArrayInputStream(bytes), new ByteArrayOutputStream(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.ProcessorRun;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs on the template's schedule: executes due scheduled orders, cancels expired unpaid ones and makes the due
 * subscription steps (renew, freeze, delete). The EventBridge event carries nothing the run needs, so it is read and
 * not mapped; the answer is the run's report as JSON.
 */
public final class OrderProcessorHandler implements RequestStreamHandler {
    /** Stop starting pages when less than this is left of the invocation; the next run goes on. */
    private static final long RESERVE_MILLIS = 10_000;

    private final ProcessorRun processor;

    public OrderProcessorHandler() {
        this(Service.fromEnvironment());
    }

    public OrderProcessorHandler(Service service) {
        this.processor = service.processor();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        String report = processor.run(() -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS);
        output.write(report.getBytes(StandardCharsets.UTF_8));
    }
}
